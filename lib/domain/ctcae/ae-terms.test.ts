import { describe, expect, it } from "vitest";
import { SOC } from "./ae-term-types";
import { AE_TERM_SYNONYMS } from "./ae-term-synonyms";
import { getAeTerm, getAllowedGrades, gradeDescription, isGradeAllowed, listAeTerms, searchAeTerms } from "./ae-terms";
import { LAB_CRITERIA } from "./lab-criteria";

describe("listAeTerms", () => {
  const terms = listAeTerms();

  it("offers the trial's term list, each term once", () => {
    expect(terms.length).toBeGreaterThanOrEqual(100);
    expect(new Set(terms.map((t) => t.term.toLowerCase())).size).toBe(terms.length);
  });

  it("lists SOCs alphabetically with each SOC's Other, specify last", () => {
    const socs = terms.map((t) => t.soc);
    expect(socs).toEqual([...socs].sort((a, b) => a.localeCompare(b)));
    const gi = terms.filter((t) => t.soc === SOC.gastrointestinal);
    expect(gi.at(-1)?.term).toBe("Gastrointestinal disorders - Other, specify");
  });

  it("gives every term at least one grade, ascending, and 8-digit MedDRA codes", () => {
    for (const t of terms) {
      expect(t.grades.length, t.term).toBeGreaterThan(0);
      expect([...t.grades].sort(), t.term).toEqual(t.grades);
      if (t.meddraCode !== undefined) expect(t.meddraCode, t.term).toMatch(/^100\d{5}$/);
    }
  });

  it.each([
    ["Fatigue", SOC.general],
    ["Anorexia", SOC.metabolism],
    ["Nausea", SOC.gastrointestinal],
    ["Vomiting", SOC.gastrointestinal],
    ["Diarrhea", SOC.gastrointestinal],
    ["Constipation", SOC.gastrointestinal],
    ["Mucositis oral", SOC.gastrointestinal],
    ["Rash maculo-papular", SOC.skin],
    ["Palmar-plantar erythrodysesthesia syndrome", SOC.skin],
    ["Peripheral sensory neuropathy", SOC.nervous],
    ["Somnolence", SOC.nervous],
    ["Dizziness", SOC.nervous],
    ["Thromboembolic event", SOC.vascular],
    ["Edema limbs", SOC.general],
    ["Fever", SOC.general],
    ["Hypothyroidism", SOC.endocrine],
    ["Skin hyperpigmentation", SOC.skin],
    ["Ascites", SOC.gastrointestinal],
    ["Hepatic failure", SOC.hepatobiliary],
    ["Upper gastrointestinal hemorrhage", SOC.gastrointestinal],
    ["Abdominal pain", SOC.gastrointestinal],
    ["Pain", SOC.general],
    ["Dyspnea", SOC.respiratory],
    ["Cough", SOC.respiratory],
    ["Hiccups", SOC.respiratory],
    ["Insomnia", SOC.psychiatric],
    ["Depression", SOC.psychiatric],
    ["Tremor", SOC.nervous],
    ["Sinus bradycardia", SOC.cardiac],
    ["Hypotension", SOC.vascular],
    ["Sepsis", SOC.infections],
    ["Death NOS", SOC.general],
    ["Anemia", SOC.blood],
    ["Hypoalbuminemia", SOC.metabolism],
  ])("includes %s under %s", (term, soc) => {
    expect(getAeTerm(term)?.soc).toBe(soc);
  });

  it("includes every term the lab grader can return", () => {
    for (const criteria of Object.values(LAB_CRITERIA)) {
      expect(getAeTerm(criteria.term), criteria.term).not.toBeNull();
    }
  });
});

describe("allowed grades (CTCAE marks missing grades with a dash)", () => {
  it.each([
    ["Fatigue", [1, 2, 3]],
    ["Alopecia", [1, 2]],
    ["Anorexia", [1, 2, 3, 4, 5]],
    ["Nausea", [1, 2, 3]],
    ["Death NOS", [5]],
    ["Hepatic failure", [3, 4, 5]],
    ["Sepsis", [3, 4, 5]],
    ["Syncope", [3]],
    ["Esophageal varices hemorrhage", [2, 3, 4, 5]],
    ["Peripheral sensory neuropathy", [1, 2, 3, 4]],
    ["Skin hyperpigmentation", [1, 2]],
    ["Neutrophil count decreased", [1, 2, 3, 4]],
    ["Anemia", [1, 2, 3, 4, 5]],
  ])("%s: %j", (term, grades) => {
    expect(getAllowedGrades(term)).toEqual(grades);
  });

  it("returns null for a term that is not offered", () => {
    expect(getAllowedGrades("Hangover")).toBeNull();
  });

  it("checks a grade against the term", () => {
    expect(isGradeAllowed("Fatigue", 3)).toBe(true);
    expect(isGradeAllowed("Fatigue", 4)).toBe(false);
    expect(isGradeAllowed("fatigue", 1)).toBe(true);
    expect(isGradeAllowed("Death NOS", 5)).toBe(true);
    expect(isGradeAllowed("Death NOS", 1)).toBe(false);
    expect(isGradeAllowed("Nausea", 0)).toBe(false);
    expect(isGradeAllowed("Hangover", 1)).toBe(false);
  });

  it("keeps the lab grader within each term's allowed grades", () => {
    for (const criteria of Object.values(LAB_CRITERIA)) {
      const bands = criteria.kind === "decreased" ? criteria.bands : criteria.ulnBands;
      for (const band of bands) expect(isGradeAllowed(criteria.term, band.grade), criteria.term).toBe(true);
    }
  });
});

describe("gradeDescription", () => {
  it("returns the CTCAE criteria text", () => {
    expect(gradeDescription("Fatigue", 1)).toBe("Fatigue relieved by rest");
    expect(gradeDescription("Death NOS", 5)).toBe("Death");
    expect(gradeDescription("Platelet count decreased", 3)).toBe("<50,000 - 25,000/mm3; <50.0 - 25.0 x 10e9 /L");
  });

  it("returns null for a dash grade or an unknown term", () => {
    expect(gradeDescription("Fatigue", 4)).toBeNull();
    expect(gradeDescription("Fatigue", 7)).toBeNull();
    expect(gradeDescription("Hangover", 1)).toBeNull();
  });
});

describe("searchAeTerms", () => {
  const names = (query: string) => searchAeTerms(query).map((t) => t.term);

  it("returns every term for an empty query", () => {
    expect(searchAeTerms("  ")).toHaveLength(listAeTerms().length);
  });

  it("is case-insensitive", () => {
    expect(names("FATIGUE")).toEqual(["Fatigue"]);
  });

  it("ranks whole-term prefixes, then word prefixes, then inner matches", () => {
    const pain = names("pain");
    expect(pain.slice(0, 2)).toEqual(["Pain", "Pain in extremity"]);
    expect(pain).toContain("Abdominal pain");
    expect(pain.indexOf("Abdominal pain")).toBeGreaterThan(1);
    const hem = names("hem");
    expect(hem[0]).toBe("Hematoma");
    expect(hem).toContain("Upper gastrointestinal hemorrhage");
    const inner = names("tension"); // inside "Hypotension", "Hypertension", "Portal hypertension"
    expect(inner).toEqual(expect.arrayContaining(["Hypotension", "Hypertension", "Portal hypertension"]));
  });

  it("matches several words anywhere in the term", () => {
    expect(names("hemorrhage upper")).toEqual(["Upper gastrointestinal hemorrhage"]);
    expect(names("neuropathy sens")).toEqual(["Peripheral sensory neuropathy"]);
  });

  it("finds terms through search synonyms, after direct matches", () => {
    expect(names("thrombocytopenia")).toEqual(["Platelet count decreased"]);
    expect(names("hand-foot")).toEqual(["Palmar-plantar erythrodysesthesia syndrome"]);
    expect(names("GI bleeding")).toEqual(["Lower gastrointestinal hemorrhage", "Upper gastrointestinal hemorrhage"]);
    const brady = names("bradycardia");
    expect(brady).toEqual(["Sinus bradycardia"]);
  });

  it("returns nothing for no match", () => {
    expect(names("xyzzy")).toEqual([]);
  });
});

describe("search synonyms", () => {
  it("point only at offered CTCAE terms", () => {
    for (const term of Object.keys(AE_TERM_SYNONYMS)) expect(getAeTerm(term), term).not.toBeNull();
  });
});
