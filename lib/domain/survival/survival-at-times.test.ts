import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { estimateKaplanMeier } from "./kaplan-meier";
import { countAtRisk, getSurvivalAtTimes, toPointwiseConfType } from "./survival-at-times";

const fit = estimateKaplanMeier([3, 4, 5, 5, 8, 10], [1, 0, 1, 1, 0, 1]);

describe("countAtRisk", () => {
  it("counts subjects with observed time >= t, including those at exactly t", () => {
    expect(countAtRisk(fit, [0, 3, 3.5, 4, 4.01, 5, 8, 10, 10.5])).toEqual([6, 6, 5, 5, 4, 4, 2, 1, 0]);
  });
});

describe("getSurvivalAtTimes", () => {
  it("reads the right-continuous step, S = 1 before the first event, last value carried forward", () => {
    const points = getSurvivalAtTimes(fit, [-1, 2.99, 3, 7, 10, 20]);
    expect(points.map((p) => p.surv)).toEqual([1, 1, 5 / 6, (5 / 6) * 0.5, 0, 0]);
    expect(points[0]).toMatchObject({ se: 0, lower: 1, upper: 1, nRisk: 6 });
    expect(points[5]).toMatchObject({ se: null, lower: null, upper: null, nRisk: 0 });
  });

  it("pairs the symmetric median method with the plain pointwise interval", () => {
    expect(toPointwiseConfType("symmetric")).toBe("plain");
    const [sym] = getSurvivalAtTimes(fit, [5], { confType: "symmetric" });
    const [plain] = getSurvivalAtTimes(fit, [5], { confType: "plain" });
    expect(sym).toEqual(plain);
  });

  it("rejects non-finite times", () => {
    expect(() => getSurvivalAtTimes(fit, [Number.NaN])).toThrow(CalcInputError);
  });
});
