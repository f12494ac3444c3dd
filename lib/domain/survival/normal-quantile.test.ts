import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { computeCriticalZ } from "./normal-quantile";

describe("computeCriticalZ", () => {
  it("gives z_{0.975} for a 95% interval and bounds the level", () => {
    expect(computeCriticalZ(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(computeCriticalZ(0.5)).toBeCloseTo(0.6744897501960817, 14);
    expect(() => computeCriticalZ(0.49)).toThrow(CalcInputError);
    expect(() => computeCriticalZ(1)).toThrow(CalcInputError);
  });
});
