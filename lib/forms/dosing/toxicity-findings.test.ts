import { describe, expect, it } from "vitest";
import type { RelatedRecord } from "@/lib/forms/form-definition";
import { checkDeviationReasons, recommendForVisit } from "./dose-recommendations";
import { listToxicityFindings } from "./toxicity-findings";
import { DEFAULT_DOSE_MODIFICATION_RULES } from "@/lib/domain/dosing/dose-modification";

const labs = (id: string, sampleDate: string, grade: number): RelatedRecord => ({
  id,
  formType: "labs",
  visitKey: null,
  data: { sampleDate },
  computed: { results: { neutrophils: { term: "Neutrophil count decreased", grade } } },
});
const ae = (
  id: string,
  term: string,
  grade: number,
  onsetDate: string,
  resolutionDate: string | null,
): RelatedRecord => ({
  id,
  formType: "adverse-event",
  visitKey: null,
  data: { term, grade, onsetDate, ongoing: resolutionDate === null, resolutionDate },
  computed: {},
});

describe("listToxicityFindings", () => {
  it("reads the latest labs sampled on or before the visit, and the adverse events ongoing at it", () => {
    const records = [
      labs("old", "2026-01-10", 3),
      labs("latest", "2026-02-06", 2),
      labs("after", "2026-02-20", 4),
      ae("ongoing", "Diarrhea", 3, "2026-02-01", null),
      ae("resolved-before", "Somnolence", 3, "2026-01-20", "2026-02-01"),
      ae("resolves-on-visit", "Constipation", 3, "2026-01-25", "2026-02-07"),
      ae("later", "Mucositis oral", 3, "2026-02-10", null),
    ];
    expect(listToxicityFindings(records, "2026-02-07")).toEqual([
      { term: "Neutrophil count decreased", grade: 2, source: "lab", recordId: "latest", date: "2026-02-06" },
      { term: "Diarrhea", grade: 3, source: "adverse-event", recordId: "ongoing", date: "2026-02-01" },
      { term: "Constipation", grade: 3, source: "adverse-event", recordId: "resolves-on-visit", date: "2026-01-25" },
    ]);
  });
});

describe("checkDeviationReasons", () => {
  const recs = recommendForVisit(
    DEFAULT_DOSE_MODIFICATION_RULES,
    [ae("d", "Diarrhea", 3, "2026-02-01", null)],
    "2026-02-07",
    { uft: 0, thalidomide: 0 },
  );
  it("asks a reason only for the drug given against the table", () => {
    expect(recs.uft.action).toBe("hold");
    expect(
      Object.keys(
        checkDeviationReasons(recs, {
          uft: { status: "given", doseLevel: 0 },
          thalidomide: { status: "given", doseLevel: 0 },
        }),
      ),
    ).toEqual(["uft.deviationReason"]);
    expect(
      checkDeviationReasons(recs, {
        uft: { status: "given", doseLevel: 0, deviationReason: "Resolved this morning" },
        thalidomide: { status: "given", doseLevel: 0 },
      }),
    ).toEqual({});
    expect(
      checkDeviationReasons(recs, {
        uft: { status: "held", doseLevel: 0 },
        thalidomide: { status: "given", doseLevel: 0 },
      }),
    ).toEqual({});
  });
});
