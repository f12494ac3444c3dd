import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import {
  DEFAULT_DOSE_LEVELS,
  checkDoseLevelConfig,
  doseLevelOrThrow,
  getDoseLevel,
  listDoseLevels,
} from "./dose-levels";
import { computeThalidomideDose } from "./thalidomide-dose";

describe("dose levels", () => {
  it("lists UFT levels 0, -1, -2 at 125, 100, 75 mg/m2", () => {
    expect(listDoseLevels("uft").map((l) => [l.level, l.mgPerM2])).toEqual([
      [0, 125],
      [-1, 100],
      [-2, 75],
    ]);
  });

  it("gets a thalidomide level or null", () => {
    expect(getDoseLevel("thalidomide", 0)).toMatchObject({ mgPerDose: 100, dosesPerDay: 2 });
    expect(getDoseLevel("thalidomide", -2)).toMatchObject({ mgPerDose: 50, dosesPerDay: 1 });
    expect(getDoseLevel("thalidomide", -3)).toBeNull();
    expect(getDoseLevel("uft", 1)).toBeNull();
  });

  it("reads a custom table", () => {
    const config = { ...DEFAULT_DOSE_LEVELS, uft: [{ level: 0, mgPerM2: 150, label: "custom" }] };
    expect(getDoseLevel("uft", 0, config)?.mgPerM2).toBe(150);
    expect(getDoseLevel("uft", -1, config)).toBeNull();
  });

  it("accepts the default table", () => {
    expect(checkDoseLevelConfig(DEFAULT_DOSE_LEVELS)).toEqual([]);
  });

  it("flags a reduction that escalates, a missing level 0, duplicates and non-positive doses", () => {
    const problems = checkDoseLevelConfig({
      uft: [
        { level: -1, mgPerM2: 150, label: "" },
        { level: -2, mgPerM2: 175, label: "" },
        { level: -2, mgPerM2: 0, label: "" },
      ],
      thalidomide: [
        { level: 0, mgPerDose: 100, dosesPerDay: 1, label: "" },
        { level: -1, mgPerDose: 100, dosesPerDay: 2, label: "" },
      ],
    });
    expect(problems).toContain("uft: level 0 (starting dose) is missing");
    expect(problems).toContain("uft: level -2 is defined twice");
    expect(problems).toContain("uft: level -2 must have a positive dose");
    expect(problems).toContain("uft: level -2 gives more drug than level -1");
    expect(problems).toContain("thalidomide: level -1 gives more drug than level 0");
  });
});

describe("doseLevelOrThrow", () => {
  it("finds a level in the trial's table or in a custom one", () => {
    expect(doseLevelOrThrow("uft", -1)).toEqual({
      level: -1,
      mgPerM2: 100,
      label: "first reduction, 100 mg/m2 twice daily",
    });
    const custom = [{ level: 0, mgPerDose: 200, dosesPerDay: 1, label: "200 mg once daily" }];
    expect(doseLevelOrThrow("thalidomide", 0, custom)).toBe(custom[0]);
  });

  it("refuses an unknown level on the doseLevel field, naming the drug and the levels there are", () => {
    expect(() => doseLevelOrThrow("uft", -3)).toThrow(CalcInputError);
    expect(() => doseLevelOrThrow("uft", -3)).toThrow(
      expect.objectContaining({ field: "doseLevel", message: "doseLevel -3 is not a UFT dose level (0, -1, -2)" }),
    );
    const onlyLevel0 = [{ level: 0, mgPerDose: 100, dosesPerDay: 2, label: "100 mg twice daily" }];
    expect(() => doseLevelOrThrow("thalidomide", -1, onlyLevel0)).toThrow(
      expect.objectContaining({ field: "doseLevel", message: "doseLevel -1 is not a thalidomide dose level (0)" }),
    );
  });
});

describe("computeThalidomideDose", () => {
  it("is 100 mg twice daily (200 mg/day) at level 0 by default", () => {
    expect(computeThalidomideDose()).toMatchObject({ doseLevel: 0, mgPerDose: 100, dosesPerDay: 2, dailyMg: 200 });
  });

  it("reduces to 100 mg once daily, then 50 mg once daily", () => {
    expect(computeThalidomideDose({ doseLevel: -1 }).dailyMg).toBe(100);
    expect(computeThalidomideDose({ doseLevel: -2 })).toMatchObject({ mgPerDose: 50, dosesPerDay: 1, dailyMg: 50 });
  });

  it("rejects an unknown level", () => {
    expect(() => computeThalidomideDose({ doseLevel: -5 })).toThrow(expect.objectContaining({ field: "doseLevel" }));
  });
});
