import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { computeUftDose, describeRoundingRule, roundToCapsules } from "./uft-dose";

describe("computeUftDose worked example", () => {
  it("170 cm, 70 kg -> BSA 1.8181 m2 -> raw 227.3 mg -> 2 capsules (200 mg) twice daily", () => {
    const dose = computeUftDose({ heightCm: 170, weightKg: 70 });
    expect(dose.bsaM2).toBeCloseTo(1.8181, 4);
    expect(dose.bsaMethod).toBe("mosteller");
    expect(dose.mgPerM2).toBe(125);
    expect(dose.rawMg).toBeCloseTo(227.26, 2);
    expect(dose.capsulesPerDose).toBe(2);
    expect(dose.roundedMg).toBe(200);
    expect(dose.dosesPerDay).toBe(2);
    expect(dose.dailyMg).toBe(400);
    expect(dose.rounding).toBe("nearest");
    expect(dose.rule).toBe("nearest 100 mg capsule, halves up");
  });

  it("accepts a BSA directly", () => {
    const dose = computeUftDose({ bsaM2: 1.6 });
    expect(dose.bsaMethod).toBe("given");
    expect(dose.rawMg).toBe(200);
    expect(dose.capsulesPerDose).toBe(2);
  });

  it("uses DuBois when asked", () => {
    expect(computeUftDose({ heightCm: 170, weightKg: 70, method: "dubois" }).bsaMethod).toBe("dubois");
  });
});

describe("rounding rules at the half-capsule boundary", () => {
  // 180 cm x 80 kg -> Mosteller BSA exactly 2.0 m2 -> 250 mg = 2.5 capsules
  it.each([
    ["nearest", 3, 300],
    ["down", 2, 200],
    ["up", 3, 300],
  ] as const)("exactly 2.5 capsules under %s -> %i capsules", (rounding, capsules, mg) => {
    const dose = computeUftDose({ heightCm: 180, weightKg: 80, rounding });
    expect(dose.rawMg).toBe(250);
    expect(dose.capsulesPerDose).toBe(capsules);
    expect(dose.roundedMg).toBe(mg);
    expect(dose.dailyMg).toBe(mg * 2);
  });

  it.each([
    // bsaM2, rounding, capsules: just below and just above 2.5 capsules (250 mg)
    [1.9992, "nearest", 2], // 249.9 mg
    [2.0008, "nearest", 3], // 250.1 mg
    [1.9992, "down", 2],
    [2.0008, "down", 2],
    [1.9992, "up", 3],
    [2.0008, "up", 3],
  ] as const)("BSA %d m2 under %s -> %i capsules", (bsaM2, rounding, capsules) => {
    expect(computeUftDose({ bsaM2, rounding }).capsulesPerDose).toBe(capsules);
  });

  it("lands exactly 1.5 capsules on the half despite float noise (144 cm, 36 kg -> 1.2 m2 -> 150 mg)", () => {
    expect(computeUftDose({ heightCm: 144, weightKg: 36, rounding: "nearest" }).capsulesPerDose).toBe(2);
    expect(computeUftDose({ heightCm: 144, weightKg: 36, rounding: "down" }).capsulesPerDose).toBe(1);
  });

  it("does not round a whole number of capsules up because of float noise", () => {
    expect(roundToCapsules(200.00000000001, 100, "up")).toBe(2);
    expect(roundToCapsules(199.99999999999, 100, "down")).toBe(2);
    expect(roundToCapsules(200.1, 100, "up")).toBe(3);
  });

  it("names each rule", () => {
    expect(describeRoundingRule("down")).toBe("down to a whole 100 mg capsule");
    expect(describeRoundingRule("up", 50)).toBe("up to a whole 50 mg capsule");
    expect(computeUftDose({ bsaM2: 1.8, rounding: "up" }).rule).toBe("up to a whole 100 mg capsule");
  });
});

describe("dose levels", () => {
  it("level -1 uses 100 mg/m2 and level -2 75 mg/m2", () => {
    const minus1 = computeUftDose({ bsaM2: 2, doseLevel: -1 });
    expect(minus1.mgPerM2).toBe(100);
    expect(minus1.rawMg).toBe(200);
    expect(minus1.capsulesPerDose).toBe(2);
    const minus2 = computeUftDose({ bsaM2: 2, doseLevel: -2 });
    expect(minus2.mgPerM2).toBe(75);
    expect(minus2.capsulesPerDose).toBe(2); // 150 mg = 1.5 capsules, halves up
  });

  it("accepts a custom level table", () => {
    const dose = computeUftDose({
      bsaM2: 2,
      doseLevel: -1,
      levels: [
        { level: 0, mgPerM2: 125, label: "" },
        { level: -1, mgPerM2: 60, label: "" },
      ],
    });
    expect(dose.rawMg).toBe(120);
    expect(dose.capsulesPerDose).toBe(1);
  });

  it("rejects an unknown level with field doseLevel", () => {
    expect(() => computeUftDose({ bsaM2: 2, doseLevel: -3 })).toThrow(expect.objectContaining({ field: "doseLevel" }));
    expect(() => computeUftDose({ bsaM2: 2, doseLevel: 1 })).toThrow(CalcInputError);
  });
});

describe("invalid input", () => {
  it("refuses a dose that rounds to zero capsules", () => {
    // 0.9 m2 x 75 mg/m2 = 67.5 mg: 0 capsules rounding down, 1 capsule to nearest
    expect(() => computeUftDose({ bsaM2: 0.9, doseLevel: -2, rounding: "down" })).toThrow(
      expect.objectContaining({ field: "rounding" }),
    );
    expect(computeUftDose({ bsaM2: 0.9, doseLevel: -2, rounding: "nearest" }).capsulesPerDose).toBe(1);
  });

  it("rejects implausible BSA, height or weight naming the field", () => {
    expect(() => computeUftDose({ bsaM2: 18181 })).toThrow(expect.objectContaining({ field: "bsaM2" }));
    expect(() => computeUftDose({ heightCm: 1.7, weightKg: 70 })).toThrow(
      expect.objectContaining({ field: "heightCm" }),
    );
  });

  it("rejects both bsaM2 and height/weight", () => {
    expect(() => computeUftDose({ bsaM2: 1.8, heightCm: 170, weightKg: 70 } as never)).toThrow(CalcInputError);
  });
});
