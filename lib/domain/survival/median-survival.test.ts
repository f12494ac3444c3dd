import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import aml from "./fixtures/aml.json";
import { estimateKaplanMeier } from "./kaplan-meier";
import { estimateMedianSurvival } from "./median-survival";

const fit = estimateKaplanMeier(aml.time, aml.event);

describe("estimateMedianSurvival", () => {
  it("defaults to R's conf.type log and quantile() rule (survival::aml: 27, 18-48)", () => {
    expect(estimateMedianSurvival(fit)).toEqual({ median: 27, lower: 18, upper: 48 });
  });

  it("reproduces print(fit) with rule 'print' (survival::aml: 27, 18-45)", () => {
    expect(estimateMedianSurvival(fit, { rule: "print" })).toEqual({ median: 27, lower: 18, upper: 45 });
  });

  it("narrows the interval at a lower confidence level", () => {
    const ci80 = estimateMedianSurvival(fit, { confType: "symmetric", confLevel: 0.8 });
    const ci95 = estimateMedianSurvival(fit, { confType: "symmetric" });
    expect((ci80.upper as number) - (ci80.lower as number)).toBeLessThan(
      (ci95.upper as number) - (ci95.lower as number),
    );
    expect(ci80.median).toBe(27);
  });

  it("rejects an impossible confidence level", () => {
    expect(() => estimateMedianSurvival(fit, { confLevel: 95 })).toThrow(CalcInputError);
  });
});
