import { describe, expect, test } from "vitest";
import { evaluateEligibility, TRIAL_ELIGIBILITY_CRITERIA, type CriterionAnswer, eligibleAnswers } from "./criteria";

const allPass = eligibleAnswers;

describe("evaluateEligibility", () => {
  test("eligible only when every inclusion is yes and every exclusion is no", () => {
    expect(evaluateEligibility(allPass())).toMatchObject({ eligible: true, reasons: [] });
  });

  test("a failed inclusion and a present exclusion are both reported, in order", () => {
    const result = evaluateEligibility({ ...allPass(), I3: "no", E4: "yes" });
    expect(result.eligible).toBe(false);
    expect(result.failing.map((c) => c.id)).toEqual(["I3", "E4"]);
    expect(result.reasons).toEqual([
      expect.stringMatching(/^I3 not met: No prior systemic therapy/),
      expect.stringMatching(/^E4 present: Peripheral neuropathy/),
    ]);
  });

  test("an unanswered criterion refuses enrollment too", () => {
    const answers: Record<string, CriterionAnswer | null> = { ...allPass(), I7: null };
    delete answers.E6;
    const result = evaluateEligibility(answers);
    expect(result.eligible).toBe(false);
    expect(result.unanswered.map((c) => c.id)).toEqual(["I7", "E6"]);
  });

  test("the trial's list has both kinds and unique ids", () => {
    const ids = TRIAL_ELIGIBILITY_CRITERIA.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(TRIAL_ELIGIBILITY_CRITERIA.some((c) => c.kind === "exclusion")).toBe(true);
  });
});
