import { describe, expect, test } from "vitest";
import { computeBaselineScores, summarizeBaselineScores, type BaselineScoreInput } from "./baseline-scores";
import { MULTINODULAR_BASELINE } from "@/test/fixtures/baseline-data";

const full: BaselineScoreInput = MULTINODULAR_BASELINE;

describe("computeBaselineScores", () => {
  test("computes BSA, Child-Pugh, CLIP from the computed class, and BCLC", () => {
    const { scores, errors } = computeBaselineScores(full);
    expect(errors).toEqual({});
    expect(scores.bsa).toMatchObject({ bsaM2Display: 1.82, method: "mosteller" });
    expect(scores.bsa!.bsaM2).toBeCloseTo(Math.sqrt((170 * 70) / 3600), 12);
    expect(scores.childPugh).toMatchObject({ score: 5, class: "A" });
    // Child-Pugh A 0 + multinodular 1 + AFP >= 400 1 + no PVT 0
    expect(scores.clip!.score).toBe(2);
    expect(scores.bclc!.stage).toBe("C");
    expect(scores.ecogDescription).toMatch(/^Restricted in physically strenuous activity/);
    expect(summarizeBaselineScores(scores)).toBe("Child-Pugh A (5), CLIP 2, BCLC C");
  });

  test("SI units are converted before scoring: 51.3 umol/L is exactly 3 mg/dL, 28 g/L is 2.8 g/dL", () => {
    const { scores } = computeBaselineScores({
      ...full,
      bilirubin: { value: 51.3, unit: "umol/L" },
      albumin: { value: 28, unit: "g/L" },
    });
    expect(scores.childPugh).toMatchObject({
      bilirubinMgPerDl: 3,
      albuminGPerDl: 2.8,
      points: { bilirubin: 2, albumin: 2 },
      score: 7,
      class: "B",
    });
    expect(scores.clip!.points.childPugh).toBe(1);
  });

  test("each score waits for its own inputs; CLIP and BCLC wait for Child-Pugh", () => {
    const { scores, errors } = computeBaselineScores({ ...full, inr: null });
    expect(errors).toEqual({});
    expect(scores.bsa).not.toBeNull();
    expect(scores.childPugh).toBeNull();
    expect(scores.clip).toBeNull();
    expect(scores.bclc).toBeNull();
    expect(summarizeBaselineScores(scores)).toBeNull();
    expect(computeBaselineScores({}).scores).toEqual({
      bsa: null,
      ecogDescription: null,
      childPugh: null,
      clip: null,
      bclc: null,
    });
  });

  test("a calculator's refusal becomes an error on the form field it names", () => {
    expect(computeBaselineScores({ ...full, ecogPs: 5 }).errors).toEqual({
      ecogPs: [expect.stringMatching(/^BCLC cannot be computed: ecogPs 5 \(dead\)/)],
    });
    expect(computeBaselineScores({ ...full, albumin: { value: 35, unit: "g/dL" } }).errors).toHaveProperty([
      "albumin.value",
    ]);
    expect(computeBaselineScores({ ...full, heightCm: 1.7 }).errors).toHaveProperty("heightCm");
  });
});
