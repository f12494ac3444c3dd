import { describe, expect, it } from "vitest";
import {
  DEFAULT_DOSE_MODIFICATION_RULES as RULES,
  departsFromRecommendation,
  recommendDoseModification,
  type ToxicityFinding,
} from "./dose-modification";

const finding = (term: string, grade: number, source: ToxicityFinding["source"] = "lab"): ToxicityFinding => ({
  term,
  grade,
  source,
  recordId: `${term}-${grade}`,
  date: "2026-02-09",
});

describe("recommendDoseModification", () => {
  it("continues at the current level when no finding reaches the table", () => {
    expect(recommendDoseModification(RULES, "uft", -1, [finding("Neutrophil count decreased", 2)])).toMatchObject({
      action: "continue",
      status: "given",
      doseLevel: -1,
      rule: null,
      sources: [],
    });
  });

  it("holds UFT for grade 3 neutropenia and names the rule and the lab it came from", () => {
    const neutropenia = finding("Neutrophil count decreased", 3);
    const rec = recommendDoseModification(RULES, "uft", 0, [neutropenia, finding("Fatigue", 2, "adverse-event")]);
    expect(rec).toEqual({
      drug: "uft",
      action: "hold",
      status: "held",
      doseLevel: 0,
      rule: "Neutrophil count decreased grade 3 (rule: grade 3 or more, hold)",
      restart: "Restart one level lower when grade 1 or less",
      sources: [neutropenia],
    });
    // The same finding says nothing about thalidomide.
    expect(recommendDoseModification(RULES, "thalidomide", 0, [neutropenia]).action).toBe("continue");
  });

  it("takes the most severe matching action (grade 4 neutropenia discontinues)", () => {
    expect(
      recommendDoseModification(RULES, "uft", 0, [
        finding("Neutrophil count decreased", 4),
        finding("Diarrhea", 3, "adverse-event"),
      ]).action,
    ).toBe("discontinue");
  });

  it("reduces one level, never below the lowest", () => {
    const rules = [
      { term: "Somnolence", minGrade: 2, drug: "thalidomide" as const, action: "reduce" as const, restart: "" },
    ];
    expect(recommendDoseModification(rules, "thalidomide", 0, [finding("Somnolence", 2)]).doseLevel).toBe(-1);
    expect(recommendDoseModification(rules, "thalidomide", -2, [finding("Somnolence", 2)]).doseLevel).toBe(-2);
  });
});

describe("departsFromRecommendation", () => {
  const hold = recommendDoseModification(RULES, "uft", 0, [finding("Neutrophil count decreased", 3)]);
  it("is a departure to give a drug the table holds, not to hold it", () => {
    expect(departsFromRecommendation(hold, { status: "given", doseLevel: 0 })).toBe(true);
    expect(departsFromRecommendation(hold, { status: "held", doseLevel: 0 })).toBe(false);
  });
  it("never departs from continue (the investigator may always be more careful)", () => {
    expect(
      departsFromRecommendation(recommendDoseModification(RULES, "uft", 0, []), { status: "held", doseLevel: 0 }),
    ).toBe(false);
  });
});
