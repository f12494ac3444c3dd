import { describe, expect, test } from "vitest";
import { readAdverseEvent, readLabToxicities, readReviewItems } from "./read-toxicity-records";

const aeData = {
  term: "Platelet count decreased",
  grade: 3,
  onsetDate: "2026-02-03",
  serious: "yes",
  attribution: { thalidomide: "possible", uft: "probable" },
};
const aeComputed = {
  summary: "Platelet count decreased, grade 3, SAE",
  soc: "Investigations",
  serious: true,
  saeReportDueAt: "2026-02-05T09:15",
  saeReportedAt: "2026-02-04T15:30",
};

describe("reading toxicity facts from stored forms", () => {
  test("an adverse event as the form stores it", () => {
    expect(readAdverseEvent(aeData, aeComputed)).toEqual({
      term: "Platelet count decreased",
      soc: "Investigations",
      grade: 3,
      serious: true,
      onsetDate: "2026-02-03",
      attribution: { thalidomide: "possible", uft: "probable" },
      saeReportDueAt: "2026-02-05T09:15",
      saeReportedAt: "2026-02-04T15:30",
      summary: "Platelet count decreased, grade 3, SAE",
    });
    expect(readAdverseEvent({ grade: 3 }, {})).toBeNull();
    expect(readAdverseEvent({ ...aeData, grade: "3" }, {})).toMatchObject({ grade: null, serious: true });
  });

  test("grade 3+ lab results from computed.grade3Plus, malformed entries skipped", () => {
    const computed = {
      grade3Plus: [
        { test: "platelets", grade: 4, term: "Platelet count decreased" },
        { test: "alt", grade: "x" },
      ],
    };
    expect(readLabToxicities({ sampleDate: "2026-03-01" }, computed)).toEqual([
      { test: "platelets", term: "Platelet count decreased", grade: 4, sampleDate: "2026-03-01" },
    ]);
    expect(readLabToxicities({}, computed)).toEqual([]);
  });

  test("review items: a reviewable event, each grade 3+ lab result, nothing for other forms", () => {
    expect(readReviewItems("adverse-event", aeData, aeComputed)).toEqual([
      { itemKey: "event", label: "Platelet count decreased, grade 3, SAE", grade: 3, serious: true },
    ]);
    expect(readReviewItems("adverse-event", { ...aeData, grade: 2, serious: "no" }, { serious: false })).toEqual([]);
    expect(
      readReviewItems(
        "labs",
        { sampleDate: "2026-03-01" },
        { grade3Plus: [{ test: "alt", grade: 3, term: "Alanine aminotransferase increased" }] },
      ),
    ).toEqual([
      {
        itemKey: "lab:alt",
        label: "Alanine aminotransferase increased, grade 3 (lab 2026-03-01)",
        grade: 3,
        serious: false,
      },
    ]);
    expect(readReviewItems("dosing", {}, {})).toEqual([]);
  });
});
