import { describe, expect, test } from "vitest";
import type { FormContext } from "./form-definition";
import {
  computeBaselineSumMm,
  evaluateFollowUp,
  findBaselineAssessment,
  formatPercentChange,
  listPriorAssessments,
  NOT_ASSESSED_SUMMARY,
  summarizeResponse,
} from "./tumour-response";
import type { TumourAssessmentData, TumourBaselineData } from "./tumour-schemas";

const baseline: TumourBaselineData = {
  assessmentDate: "2026-01-10",
  method: "ct",
  targetLesions: [
    { lesionId: "T1", organ: "liver", site: "segment VIII", method: "ct", longestDiameterMm: 60 },
    { lesionId: "T2", organ: "lung", site: "right lower lobe", method: "ct", longestDiameterMm: 40 },
  ],
  nonTargetLesions: [{ lesionId: "N1", organ: "peritoneum", description: "small nodules" }],
};

const followUp = (
  assessmentDate: string,
  t1: number | null,
  t2: number | null,
  extra: Partial<TumourAssessmentData> = {},
): TumourAssessmentData => ({
  assessmentDate,
  method: "ct",
  measurements: [
    { lesionId: "T1", status: t1 === null ? "not-assessed" : "measured", diameterMm: t1 },
    { lesionId: "T2", status: t2 === null ? "not-assessed" : "measured", diameterMm: t2 },
  ],
  nonTargetStatus: "NON_CR_NON_PD",
  newLesions: "no",
  newLesionsDescription: "",
  override: { response: null, reason: "" },
  ...extra,
});

const context = (...records: { formType: string; data: unknown }[]): FormContext => ({
  screeningDate: "2026-01-05",
  enrollmentDate: "2026-01-12",
  records: records.map((r, i) => ({ id: String(i), visitKey: null, computed: {}, ...r })),
});
const withBaseline = (...followUps: TumourAssessmentData[]) =>
  context(
    { formType: "tumour-baseline", data: baseline },
    ...followUps.map((data) => ({ formType: "tumour-assessment", data })),
  );

describe("a follow-up evaluated against baseline and nadir (RECIST 1.0)", () => {
  test("a 34% shrinkage is a partial response", () => {
    const result = evaluateFollowUp(followUp("2026-03-09", 40, 26), withBaseline());
    expect(result?.assessment).toMatchObject({
      baselineSumMm: 100,
      nadirSumMm: 100,
      currentSumMm: 66,
      pctFromBaseline: -34,
      targetResponse: "PR",
    });
    expect(result).toMatchObject({
      computedResponse: "PR",
      response: "PR",
      overridden: false,
      summary: "PR (-34% from baseline)",
    });
  });

  test("the nadir comes from earlier follow-ups only: +21% from a 66 mm nadir is progression", () => {
    const week8 = followUp("2026-03-09", 40, 26);
    const week24 = followUp("2026-06-29", 10, 10); // later than the one evaluated: ignored
    const result = evaluateFollowUp(followUp("2026-05-04", 50, 30), withBaseline(week8, week24));
    expect(result?.assessment).toMatchObject({ nadirSumMm: 66, currentSumMm: 80, pctFromBaseline: -20 });
    expect(result?.assessment.pctFromNadir).toBeCloseTo(21.212121, 5);
    expect(result?.response).toBe("PD");
    expect(listPriorAssessments(withBaseline(week24, week8), "2026-07-01").map((a) => a.assessmentDate)).toEqual([
      "2026-03-09",
      "2026-06-29",
    ]);
  });

  test("new lesions make it PD whatever the sum; a missing reading makes it NE", () => {
    expect(
      evaluateFollowUp(
        followUp("2026-03-09", 40, 26, { newLesions: "yes", newLesionsDescription: "liver segment II" }),
        withBaseline(),
      )?.response,
    ).toBe("PD");
    expect(evaluateFollowUp(followUp("2026-03-09", 40, null), withBaseline())?.response).toBe("NE");
  });

  test("an empty form is not assessed, never a -100% complete response; a partial one has no sum", () => {
    const empty = followUp("2026-03-09", null, null, { nonTargetStatus: null });
    expect(evaluateFollowUp(empty, withBaseline())).toMatchObject({
      sumComplete: false,
      summary: NOT_ASSESSED_SUMMARY,
    });
    const partial = evaluateFollowUp(followUp("2026-03-09", 40, null), withBaseline());
    expect(partial).toMatchObject({ sumComplete: false, response: "NE", summary: "NE (sum incomplete)" });
    expect(evaluateFollowUp(followUp("2026-03-09", 40, 26), withBaseline())).toMatchObject({ sumComplete: true });
  });

  test("an investigator override is the response used, and the computed one is kept", () => {
    const result = evaluateFollowUp(
      followUp("2026-03-09", 40, 26, { override: { response: "SD", reason: "T2 partly atelectasis" } }),
      withBaseline(),
    );
    expect(result).toMatchObject({
      computedResponse: "PR",
      response: "SD",
      overridden: true,
      summary: "SD (investigator; computed PR, -34% from baseline)",
    });
  });

  test("nothing is computed without a baseline or with lesions the baseline does not have", () => {
    expect(evaluateFollowUp(followUp("2026-03-09", 40, 26), context())).toBeNull();
    const stray = followUp("2026-03-09", 40, 26);
    stray.measurements[1]!.lesionId = "T9";
    expect(evaluateFollowUp(stray, withBaseline())).toBeNull();
  });
});

test("baseline helpers", () => {
  expect(findBaselineAssessment(withBaseline())?.targetLesions).toHaveLength(2);
  expect(computeBaselineSumMm(baseline)).toBe(100);
  expect(
    computeBaselineSumMm({ targetLesions: [{ ...baseline.targetLesions[0]!, longestDiameterMm: null }] }),
  ).toBeNull();
});

test("percent changes are never rounded across a RECIST cut-off", () => {
  expect(formatPercentChange(-34)).toBe("-34%");
  expect(formatPercentChange(-29.96)).toBe("-29.9%");
  expect(formatPercentChange(19.99)).toBe("+19.9%");
  expect(formatPercentChange(-0.04)).toBe("0%");
  expect(summarizeResponse("SD", 5.5, null)).toBe("SD (+5.5% from baseline)");
});
