import { describe, expect, it } from "vitest";
import { listDoseLevels } from "./dose-levels";
import { computeThalidomideCapsules } from "./thalidomide-capsules";
import { computeThalidomideDose } from "./thalidomide-dose";

describe("computeThalidomideCapsules", () => {
  it("gives 2 x 50 mg capsules twice daily (4 a day) at the starting dose", () => {
    expect(computeThalidomideCapsules(computeThalidomideDose({ doseLevel: 0 }))).toEqual({
      capsuleMg: 50,
      capsulesPerDose: 2,
      capsulesPerDay: 4,
    });
  });

  it("gives whole capsules at every configured level", () => {
    const perDay = listDoseLevels("thalidomide").map((level) => computeThalidomideCapsules(level).capsulesPerDay);
    expect(perDay).toEqual([4, 2, 1]);
  });

  it("refuses a dose that is not a whole number of capsules", () => {
    expect(() => computeThalidomideCapsules({ mgPerDose: 75, dosesPerDay: 1 })).toThrow(
      /not a whole number of 50 mg capsules/,
    );
    expect(() => computeThalidomideCapsules({ mgPerDose: 100, dosesPerDay: 2 }, 0)).toThrow(/capsuleMg/);
  });
});
