import { describe, expect, test } from "vitest";
import { checkBodyMeasure, implausibleBodyMeasures } from "./body-measure-plausibility";

describe("body measurements", () => {
  test("ordinary adults pass", () => {
    expect(checkBodyMeasure("weightKg", 62)).toEqual({ kind: "plausible" });
    expect(checkBodyMeasure("heightCm", 168)).toEqual({ kind: "plausible" });
  });

  test("a weight of 700 kg is impossible; 154 reads as pounds and needs confirming", () => {
    expect(checkBodyMeasure("weightKg", 700)).toEqual({
      kind: "impossible",
      message: "A weight of 700 kg is not possible (limits 25-250 kg).",
    });
    // 154 lb / 2.20462 = 69.85 kg: inside the usual range, so the unit is named.
    expect(checkBodyMeasure("weightKg", 154)).toEqual({
      kind: "implausible",
      message:
        "A weight of 154 kg is outside the usual 35-150 kg. It looks like a weight in pounds (154 lb = 69.9 kg). If it is correct, confirm it with a reason.",
    });
  });

  test("a short adult is rare, not impossible; metres are refused", () => {
    expect(checkBodyMeasure("heightCm", 128).kind).toBe("implausible");
    expect(checkBodyMeasure("heightCm", 1.7).kind).toBe("impossible");
  });

  test("implausibleBodyMeasures lists only the soft-limit misses", () => {
    expect(implausibleBodyMeasures({ weightKg: 30, heightCm: 170 }).map((m) => m.measure)).toEqual(["weightKg"]);
    expect(implausibleBodyMeasures({ weightKg: 700, heightCm: null })).toEqual([]);
  });
});
