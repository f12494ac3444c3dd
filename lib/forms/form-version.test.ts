import { describe, expect, test } from "vitest";
import type { FormDefinition } from "./form-definition";
import { currentFormVersion, FormVersionError, missingUpgradeSteps, upgradeFormData } from "./form-version";
import { listFormDefinitions } from "./registry";

/** A form at version 3: weight moved from pounds to kilograms (2), then a field renamed (3). */
const dosing: Pick<FormDefinition, "type" | "version" | "upgrades"> = {
  type: "example",
  version: 3,
  upgrades: {
    1: {
      description: "weight in kg instead of lb",
      upgrade: (data) => {
        const { weightLb, ...rest } = data as { weightLb: number };
        return { ...rest, weightKg: Math.round(weightLb * 0.45359237 * 10) / 10 };
      },
    },
    2: {
      description: "dose renamed mgPerDose",
      upgrade: (data) => {
        const { dose, ...rest } = data as { dose: number };
        return { ...rest, mgPerDose: dose };
      },
    },
  },
};

describe("form versions", () => {
  test("every registered form has a version and a written step from each older version", () => {
    for (const form of listFormDefinitions()) {
      expect(currentFormVersion(form), form.type).toBeGreaterThanOrEqual(1);
      expect(missingUpgradeSteps(form), form.type).toEqual([]);
    }
    expect(currentFormVersion({})).toBe(1);
  });

  test("data saved under an older version are upgraded step by step, oldest first", () => {
    expect(upgradeFormData(dosing, { weightLb: 150, dose: 100 }, 1)).toEqual({
      data: { weightKg: 68, mgPerDose: 100 },
      steps: ["version 1 to 2: weight in kg instead of lb", "version 2 to 3: dose renamed mgPerDose"],
    });
    expect(upgradeFormData(dosing, { weightKg: 68, dose: 100 }, 2).data).toEqual({ weightKg: 68, mgPerDose: 100 });
    const current = { weightKg: 68, mgPerDose: 100 };
    expect(upgradeFormData(dosing, current, 3)).toEqual({ data: current, steps: [] });
  });

  test("a version newer than the app's, an invalid one or a gap in the path is refused, never guessed", () => {
    expect(() => upgradeFormData(dosing, {}, 4)).toThrow(FormVersionError);
    expect(() => upgradeFormData(dosing, {}, 0)).toThrow(/no valid form version/);
    const gap = { ...dosing, upgrades: { 2: dosing.upgrades![2]! } };
    expect(missingUpgradeSteps(gap)).toEqual([1]);
    expect(() => upgradeFormData(gap, { weightLb: 150 }, 1)).toThrow(/no written upgrade from version 1/);
  });
});
