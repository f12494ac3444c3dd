import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { computeBsa, roundBsaForDisplay, validateBsaM2 } from "./bsa";

describe("computeBsa", () => {
  it("uses Mosteller by default: 170 cm, 70 kg -> sqrt(170*70/3600) = 1.8181 m2", () => {
    const result = computeBsa({ heightCm: 170, weightKg: 70 });
    expect(result.method).toBe("mosteller");
    expect(result.bsaM2).toBeCloseTo(1.818119, 6);
  });

  it("gives exactly 2.0 m2 for 180 cm, 80 kg (Mosteller)", () => {
    expect(computeBsa({ heightCm: 180, weightKg: 80 }).bsaM2).toBe(2);
  });

  it("computes DuBois & DuBois: 0.007184 x W^0.425 x H^0.725", () => {
    const result = computeBsa({ heightCm: 170, weightKg: 70, method: "dubois" });
    expect(result.method).toBe("dubois");
    // 0.007184 * 70^0.425 * 170^0.725 = 1.80971 m2
    expect(result.bsaM2).toBeCloseTo(1.80971, 4);
    expect(result.bsaM2).not.toBeCloseTo(computeBsa({ heightCm: 170, weightKg: 70 }).bsaM2, 3);
  });

  it("keeps full precision (does not round to 2 decimals)", () => {
    expect(computeBsa({ heightCm: 170, weightKg: 70 }).bsaM2).not.toBe(1.82);
  });

  it("accepts the range limits exactly", () => {
    expect(computeBsa({ heightCm: 100, weightKg: 25 }).bsaM2).toBeCloseTo(Math.sqrt(2500 / 3600), 10);
    expect(computeBsa({ heightCm: 230, weightKg: 250 }).bsaM2).toBeCloseTo(Math.sqrt(57500 / 3600), 10);
  });

  it.each([
    ["heightCm", { heightCm: 99.9, weightKg: 70 }],
    ["heightCm", { heightCm: 230.1, weightKg: 70 }],
    ["heightCm", { heightCm: 1.7, weightKg: 70 }],
    ["weightKg", { heightCm: 170, weightKg: 24.9 }],
    ["weightKg", { heightCm: 170, weightKg: 250.1 }],
    ["weightKg", { heightCm: 170, weightKg: Number.NaN }],
  ])("rejects implausible %s", (field, input) => {
    expect(() => computeBsa(input)).toThrow(CalcInputError);
    try {
      computeBsa(input);
    } catch (error) {
      expect((error as CalcInputError).field).toBe(field);
    }
  });

  it("rejects an unknown method", () => {
    expect(() => computeBsa({ heightCm: 170, weightKg: 70, method: "haycock" as never })).toThrow(/method/);
  });
});

describe("roundBsaForDisplay / validateBsaM2", () => {
  it("rounds to 2 decimals, halves up", () => {
    expect(roundBsaForDisplay(1.818119)).toBe(1.82);
    expect(roundBsaForDisplay(1.005)).toBe(1.01);
    expect(roundBsaForDisplay(1.8149)).toBe(1.81);
  });

  it("validates a given BSA against 0.5-4.0 m2", () => {
    expect(validateBsaM2(0.5)).toBe(0.5);
    expect(validateBsaM2(4)).toBe(4);
    expect(() => validateBsaM2(0.49)).toThrow(CalcInputError);
    expect(() => validateBsaM2(4.01)).toThrow(/bsaM2/);
  });
});
