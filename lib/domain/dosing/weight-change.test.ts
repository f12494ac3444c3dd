import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { checkWeightChange } from "./weight-change";

describe("checkWeightChange", () => {
  it.each([
    [100, 110, 10, true],
    [100, 109.99, 9.99, false],
    [100, 90, -10, true],
    [100, 90.01, -9.99, false],
    [70, 77, 10, true],
    [70, 63, -10, true],
    [70, 70, 0, false],
  ])("%d kg -> %d kg: change %d pct, recalculate %s", (doseWeightKg, currentWeightKg, changePct, recalculate) => {
    const result = checkWeightChange({ doseWeightKg, currentWeightKg });
    expect(result.changePct).toBe(changePct);
    expect(result.recalculate).toBe(recalculate);
    expect(result.thresholdPct).toBe(10);
  });

  it("honours a custom threshold", () => {
    expect(checkWeightChange({ doseWeightKg: 80, currentWeightKg: 84, thresholdPct: 5 }).recalculate).toBe(true);
    expect(checkWeightChange({ doseWeightKg: 80, currentWeightKg: 83.9, thresholdPct: 5 }).recalculate).toBe(false);
  });

  it("rejects implausible weights and thresholds naming the field", () => {
    expect(() => checkWeightChange({ doseWeightKg: 0, currentWeightKg: 70 })).toThrow(
      expect.objectContaining({ field: "doseWeightKg" }),
    );
    expect(() => checkWeightChange({ doseWeightKg: 70, currentWeightKg: 300 })).toThrow(
      expect.objectContaining({ field: "currentWeightKg" }),
    );
    expect(() => checkWeightChange({ doseWeightKg: 70, currentWeightKg: 70, thresholdPct: 0 })).toThrow(CalcInputError);
  });
});
