import { describe, expect, it } from "vitest";
import { calcInputIssues, runCalc } from "@/test/fixtures/calc-commands";
import { CalcInputError } from "../calc-command";
import { dosingCalcCommands } from "./calc-commands";

const runCommand = (name: string, raw: unknown) => runCalc(dosingCalcCommands, name, raw);
const issuesOf = (name: string, raw: unknown) =>
  calcInputIssues(dosingCalcCommands, name, raw).map((issue) => issue.message);

describe("dosingCalcCommands", () => {
  it("registers the dosing commands with summaries", () => {
    expect(Object.keys(dosingCalcCommands).sort()).toEqual([
      "bsa",
      "compliance",
      "thalidomide-dose",
      "uft-dose",
      "weight-change",
    ]);
    for (const command of Object.values(dosingCalcCommands)) expect(command.summary.length).toBeGreaterThan(10);
  });

  it("bsa: runs and rejects unknown fields and bad methods", () => {
    const out = runCommand("bsa", { heightCm: 170, weightKg: 70 }) as { bsaM2: number; method: string };
    expect(out.method).toBe("mosteller");
    expect(out.bsaM2).toBeCloseTo(1.8181, 4);
    expect(issuesOf("bsa", { heightCm: 170, weightKg: 70, height: 1 }).length).toBeGreaterThan(0);
    expect(issuesOf("bsa", { heightCm: 170, weightKg: 70, method: "haycock" })).toEqual([
      "method must be one of mosteller, dubois",
    ]);
    expect(issuesOf("bsa", { heightCm: "170", weightKg: 70 })).toEqual(["heightCm must be a number (cm)"]);
  });

  it("bsa: a schema-valid but implausible height throws CalcInputError", () => {
    expect(() => runCommand("bsa", { heightCm: 1.7, weightKg: 70 })).toThrow(CalcInputError);
  });

  it("uft-dose: from height/weight and from bsaM2", () => {
    expect(runCommand("uft-dose", { heightCm: 170, weightKg: 70 })).toMatchObject({
      capsulesPerDose: 2,
      roundedMg: 200,
      rule: "nearest 100 mg capsule, halves up",
    });
    expect(runCommand("uft-dose", { bsaM2: 2, rounding: "down", doseLevel: 0 })).toMatchObject({
      rawMg: 250,
      capsulesPerDose: 2,
      rule: "down to a whole 100 mg capsule",
    });
  });

  it("uft-dose: rejects mixed or missing body-size input", () => {
    expect(issuesOf("uft-dose", { bsaM2: 2, heightCm: 170, weightKg: 70 })).toHaveLength(1);
    expect(issuesOf("uft-dose", { heightCm: 170 })).toHaveLength(1);
    expect(issuesOf("uft-dose", {})).toHaveLength(1);
    expect(issuesOf("uft-dose", { bsaM2: 2, rounding: "banker" })).toHaveLength(1);
  });

  it("thalidomide-dose, weight-change and compliance run", () => {
    expect(runCommand("thalidomide-dose", {})).toMatchObject({ dailyMg: 200 });
    expect(runCommand("weight-change", { doseWeightKg: 70, currentWeightKg: 63 })).toMatchObject({
      changePct: -10,
      recalculate: true,
    });
    expect(runCommand("compliance", { dispensed: 120, returned: 22, prescribedPerDay: 4, days: 28 })).toMatchObject({
      takenCapsules: 98,
    });
    expect(issuesOf("compliance", { dispensed: 1.5, returned: 0, prescribedPerDay: 4, days: 28 })).toEqual([
      "dispensed must be a whole number",
    ]);
  });
});
