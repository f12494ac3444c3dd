import { describe, expect, it } from "vitest";
import { LAB_TESTS, type LabTest } from "@/lib/domain/ctcae/lab-criteria";
import type { FormContext, RelatedRecord } from "@/lib/forms/form-definition";
import { computeLabs } from "./compute-labs";
import { defaultRange, LAB_PANEL } from "./lab-panel";
import { LabsSchema, type LabRow, type LabsData } from "./labs-schema";

const empty = (test: LabTest): LabRow => ({
  value: null,
  unit: LAB_PANEL.find((p) => p.test === test)!.defaultUnit,
  ...defaultRange(test, LAB_PANEL.find((p) => p.test === test)!.defaultUnit),
});
const labs = (sampleDate: string, values: Partial<Record<LabTest, Partial<LabRow>>>): LabsData => ({
  sampleDate,
  results: Object.fromEntries(
    LAB_TESTS.map((test) => [test, { ...empty(test), ...values[test] }]),
  ) as LabsData["results"],
});
const context = (records: RelatedRecord[] = []): FormContext => ({
  screeningDate: "2026-01-05",
  enrollmentDate: "2026-01-10",
  records,
});
const saved = (data: LabsData, visitKey: string): RelatedRecord => ({
  id: visitKey,
  formType: "labs",
  visitKey,
  data,
  computed: {},
});

describe("computeLabs", () => {
  it("grades each result by CTCAE v5.0 and lists grade 3+ for the toxicity review", () => {
    const computed = computeLabs(
      labs("2026-01-10", { platelets: { value: 40 }, neutrophils: { value: 1.6 }, alt: { value: 30 } }),
      context(),
    );
    expect(computed.results.platelets).toMatchObject({
      grade: 3,
      term: "Platelet count decreased",
      basis: "<50.0 - 25.0 x10^9/L",
    });
    expect(computed.results.neutrophils?.grade).toBe(1);
    expect(computed.results.alt?.grade).toBe(0);
    expect(computed.results.hemoglobin).toBeUndefined();
    expect(computed.grade3Plus).toEqual([{ test: "platelets", grade: 3, term: "Platelet count decreased" }]);
    expect(computed.summary).toBe("max grade 3 (Platelet count decreased)");
    // Sampled on the enrollment date, before any dose: the sample is itself a baseline.
    expect(computed.baseline).toMatchObject({ status: "pre-treatment", sources: [], missingTests: [] });
    expect(computed.results.alt?.basis).toMatch(/pre-treatment sample/);
  });

  it("grades against the last pre-treatment labs as baseline, converting its unit", () => {
    const screening = saved(labs("2026-01-06", { ast: { value: 300 } }), "screening");
    const day1 = saved(
      labs("2026-01-10", { ast: { value: 100 }, bilirubin: { value: 34.2, unit: "umol/L", lln: 5, uln: 21 } }),
      "day1",
    );
    const week4 = saved(labs("2026-02-07", { ast: { value: 60 } }), "week4");
    const computed = computeLabs(
      labs("2026-03-07", { ast: { value: 200 }, bilirubin: { value: 2.5 } }),
      context([week4, day1, screening]),
    );
    expect(computed.baseline).toEqual({
      status: "complete",
      treatmentStart: "2026-01-17",
      sources: [{ visitKey: "day1", sampleDate: "2026-01-10" }],
      missingTests: [],
    });
    // AST 200 U/L is 5.0 x ULN (grade 2 if baseline normal) but 2.0 x an abnormal baseline of 100: grade 1.
    expect(computed.results.ast).toMatchObject({ grade: 1, baselineValue: 100, baselineDate: "2026-01-10" });
    expect(computed.results.ast?.basis).toMatch(/baseline abnormal/);
    expect(computed.results.bilirubin?.baselineValue).toBeCloseTo(2, 10);
  });

  it("never grades against on-treatment labs: the issue's week-8 AST with no day-1 labs", () => {
    // No day-1 labs; AST 3 x ULN at week 4 and 4 x ULN at week 8 (ULN 40 U/L), first dose on 2026-01-10.
    const dose = { id: "d1", formType: "dosing", visitKey: "day1", data: { visitDate: "2026-01-10" }, computed: {} };
    const week4 = saved(labs("2026-02-07", { ast: { value: 120 } }), "week4");
    const week8 = computeLabs(labs("2026-03-07", { ast: { value: 160 } }), context([dose, week4]));
    // Against week 4 as "baseline" this was grade 0 (<1.5 x 120); against a normal baseline it is grade 2.
    expect(week8.results.ast).toMatchObject({
      grade: 2,
      baselineValue: null,
      basis: ">3.0 - 5.0 x ULN (no pre-treatment baseline: graded as if normal)",
    });
    expect(week8.baseline).toMatchObject({ status: "missing", treatmentStart: "2026-01-10", missingTests: ["ast"] });
  });

  it("the first dose sets the cut: labs after it are on treatment even inside the day-1 window", () => {
    const dose = { id: "d1", formType: "dosing", visitKey: "day1", data: { visitDate: "2026-01-11" }, computed: {} };
    const day1 = saved(labs("2026-01-11", { ast: { value: 100 } }), "day1");
    const early = saved(labs("2026-01-13", { ast: { value: 150 } }), "unscheduled");
    const computed = computeLabs(labs("2026-02-07", { ast: { value: 200 } }), context([dose, day1, early]));
    expect(computed.results.ast).toMatchObject({ baselineValue: 100, baselineDate: "2026-01-11" });
    // Without dosing the cut is the end of the day-1 window (enrollment + 7 days): 2026-01-13 is still pre-treatment.
    expect(computeLabs(labs("2026-02-07", { ast: { value: 200 } }), context([day1, early])).results.ast).toMatchObject({
      baselineValue: 150,
    });
  });

  it("says so when nothing was done or nothing is abnormal", () => {
    expect(computeLabs(labs("2026-01-10", {}), context()).summary).toBe("no results");
    expect(computeLabs(labs("2026-01-10", { albumin: { value: 4 } }), context()).summary).toBe("max grade 0");
  });
});

describe("LabsSchema", () => {
  it("accepts empty rows (not done) and asks for the unit and the range CTCAE needs with a value", () => {
    expect(LabsSchema.safeParse(labs("2026-01-10", {})).success).toBe(true);
    const result = LabsSchema.safeParse(
      labs("2026-01-10", {
        neutrophils: { value: 1, lln: null },
        ast: { value: 50, uln: null },
        alp: { value: 50, unit: "mg/dL" },
        wbc: { value: 5, lln: 12, uln: 11 },
      }),
    );
    const errors = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(errors).toEqual({
      "results.neutrophils.lln": "Enter the site's LLN: CTCAE grades this test against it",
      "results.ast.uln": "Enter the site's ULN: CTCAE grades this test against it",
      "results.alp.unit": "Choose the unit (U/L)",
      "results.wbc.uln": "The ULN must be greater than the LLN",
    });
  });
});
