import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { describeEcogPs, isEcogPs, validateEcogPs } from "./ecog";

describe("ECOG performance status", () => {
  it("accepts integers 0-5", () => {
    for (const value of [0, 1, 2, 3, 4, 5]) expect(validateEcogPs(value)).toBe(value);
  });

  it.each([-1, 6, 1.5, Number.NaN, "1", null])("rejects %s", (value) => {
    expect(isEcogPs(value)).toBe(false);
    expect(() => validateEcogPs(value)).toThrow(CalcInputError);
  });

  it("names the field in the error", () => {
    expect(() => validateEcogPs(7, "baselineEcog")).toThrow(expect.objectContaining({ field: "baselineEcog" }));
  });

  it("describes grades as in Oken 1982", () => {
    expect(describeEcogPs(0)).toBe("Fully active, able to carry on all pre-disease performance without restriction");
    expect(describeEcogPs(2)).toMatch(/more than 50% of waking hours/);
    expect(describeEcogPs(5)).toBe("Dead");
  });
});
