import { describe, expect, test } from "vitest";
import { checksAffectedBy, CROSS_FORM_CHECKS, runCrossFormChecks } from "./cross-form-checks";
import type { RelatedRecord } from "./form-definition";

const record = (
  id: string,
  formType: string,
  data: unknown,
  computed: Record<string, unknown> = {},
): RelatedRecord => ({ id, formType, visitKey: null, data, computed });
const patient = { enrollmentDate: "2026-01-12" };
const run = (...records: RelatedRecord[]) => runCrossFormChecks(CROSS_FORM_CHECKS, records, patient);

describe("cross-form edit checks", () => {
  test("the review's case: I6 'Child-Pugh A or B' answered yes while the baseline computes Child-Pugh C", () => {
    const eligibility = record("e", "eligibility", { answers: { I5: "yes", I6: "yes", I8: "yes" } });
    const findings = run(
      eligibility,
      record("b", "baseline", { ecogPs: 1, ageYears: 61 }, { childPughClass: "C", childPughScore: 10 }),
    );
    expect(findings).toEqual([
      {
        checkKey: "eligibility-child-pugh",
        recordId: "e",
        formType: "eligibility",
        fieldPath: "answers.I6",
        message: expect.stringContaining("computes Child-Pugh C (score 10)"),
      },
    ]);
    expect(
      run(
        eligibility,
        record("b", "baseline", { ecogPs: 1, ageYears: 61 }, { childPughClass: "B", childPughScore: 8 }),
      ),
    ).toEqual([]);
  });

  test("ECOG 3 and age 17 contradict I5 and I8", () => {
    const findings = run(
      record("e", "eligibility", { answers: { I5: "yes", I6: "yes", I8: "yes" } }),
      record("b", "baseline", { ecogPs: 3, ageYears: 17 }, { childPughClass: "A" }),
    );
    expect(findings.map((f) => [f.checkKey, f.fieldPath])).toEqual([
      ["eligibility-ecog", "answers.I5"],
      ["eligibility-age", "answers.I8"],
    ]);
  });

  test("a typed progression later than a PD scan, the issue's dates", () => {
    const scan = {
      ...record("t", "tumour-assessment", { assessmentDate: "2026-03-01" }, { response: "PD" }),
      visitKey: "week8",
    };
    const eos = (progressionDate: string | null) => record("s", "end-of-study", { progressionDate });
    expect(run(scan, eos("2026-03-21"))).toEqual([
      {
        checkKey: "progression-after-pd-scan",
        recordId: "s",
        formType: "end-of-study",
        fieldPath: "progressionDate",
        message: expect.stringContaining(
          "later than the first tumour assessment with progressive disease (2026-03-01, week8); PFS uses 2026-03-01",
        ),
      },
    ]);
    expect(run(scan, eos("2026-02-20"))).toEqual([]);
    expect(run(scan, eos(null))).toEqual([]);
  });

  test("an adverse event after death and study drug given after the end of treatment", () => {
    const eos = record("s", "end-of-study", { deathDate: "2026-04-01", offTreatmentDate: "2026-03-15" });
    const findings = run(
      eos,
      record("ae1", "adverse-event", { onsetDate: "2026-04-02" }),
      record("ae2", "adverse-event", { onsetDate: "2026-04-01" }),
      record("d1", "dosing", { visitDate: "2026-03-20", uft: { status: "given" }, thalidomide: { status: "held" } }),
      record("d2", "dosing", {
        visitDate: "2026-03-21",
        uft: { status: "discontinued" },
        thalidomide: { status: "discontinued" },
      }),
    );
    expect(findings.map((f) => [f.checkKey, f.recordId, f.fieldPath])).toEqual([
      ["adverse-event-after-death", "ae1", "onsetDate"],
      ["dosing-after-end-of-treatment", "d1", "visitDate"],
    ]);
  });

  test("a save runs only the checks that read its form type", () => {
    expect(checksAffectedBy("labs").checks).toEqual([]);
    expect(checksAffectedBy("adverse-event")).toMatchObject({ reads: ["end-of-study", "adverse-event"] });
    expect(checksAffectedBy("end-of-study").checks.map((c) => c.key)).toEqual([
      "progression-after-pd-scan",
      "adverse-event-after-death",
      "dosing-after-end-of-treatment",
    ]);
  });
});
