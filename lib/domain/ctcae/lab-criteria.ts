import type { LabUnitFamily } from "./lab-units";

/** Laboratory tests `gradeLabValue` grades, by stable identifier. */
export const LAB_TESTS = [
  "neutrophils",
  "platelets",
  "wbc",
  "hemoglobin",
  "albumin",
  "bilirubin",
  "ast",
  "alt",
  "alp",
  "creatinine",
] as const;

/** A laboratory test identifier (see `LAB_TESTS`). */
export type LabTest = (typeof LAB_TESTS)[number];

/** A grade assignable from a laboratory value: 0 (not abnormal in the graded direction) to 4. */
export type LabGrade = 0 | 1 | 2 | 3 | 4;

/** "Value below `below`" (in the unit of its band list) gives `grade`. */
export interface DecreasedBand {
  grade: LabGrade;
  below: number;
  basis: string;
}

/** A grade band for a multiple of a reference (ULN or baseline). */
export interface MultipleBand {
  grade: LabGrade;
  /** Lower bound as a multiple of the reference. */
  multiple: number;
  /** True for CTCAE's "1.5 - 3.0 x baseline" (1.5 x included), false for ">3.0 - 5.0". */
  inclusive: boolean;
  basis: string;
}

/** A test graded downward against fixed values, with grade 1 from LLN to the first cut-off. */
export interface DecreasedCriteria {
  kind: "decreased";
  term: string;
  family: LabUnitFamily;
  /** Worst grade first, in the family's normalized unit. */
  bands: readonly DecreasedBand[];
  grade1Basis: string;
  /**
   * Cut-offs CTCAE prints separately for another unit, applied in that unit: Anemia's mmol/L
   * thresholds (6.2, 4.9) are rounded, not exact conversions of 10.0 and 8.0 g/dL.
   */
  nativeBands?: { unit: string; bands: readonly DecreasedBand[]; grade1Basis: string };
}

/** A test graded upward as multiples of ULN, and of the baseline value where CTCAE says so. */
export interface IncreasedCriteria {
  kind: "increased";
  term: string;
  family: LabUnitFamily;
  /** Worst grade first; the ULN rule (for the liver tests: "if baseline was normal"). */
  ulnBands: readonly MultipleBand[];
  /**
   * "if-abnormal": the baseline bands replace the ULN bands when baseline > ULN (liver tests).
   * "worse-of": both apply whenever a baseline is given and the worse grade wins (creatinine).
   */
  baselineRule: "if-abnormal" | "worse-of";
  baselineBands: readonly MultipleBand[];
}

export type LabCriteria = DecreasedCriteria | IncreasedCriteria;

const above = (grade: LabGrade, multiple: number, basis: string): MultipleBand => ({
  grade,
  multiple,
  inclusive: false,
  basis,
});

// The transaminase rows of CTCAE v5.0 are identical for AST and ALT.
const TRANSAMINASE_ULN_BANDS: readonly MultipleBand[] = [
  above(4, 20, ">20.0 x ULN"),
  above(3, 5, ">5.0 - 20.0 x ULN"),
  above(2, 3, ">3.0 - 5.0 x ULN"),
  above(1, 1, ">ULN - 3.0 x ULN"),
];
const TRANSAMINASE_BASELINE_BANDS: readonly MultipleBand[] = [
  above(4, 20, ">20.0 x baseline"),
  above(3, 5, ">5.0 - 20.0 x baseline"),
  above(2, 3, ">3.0 - 5.0 x baseline"),
  { grade: 1, multiple: 1.5, inclusive: true, basis: "1.5 - 3.0 x baseline" },
];

/** CTCAE v5.0 grading criteria for each laboratory test. */
export const LAB_CRITERIA: Readonly<Record<LabTest, LabCriteria>> = {
  // CTCAE v5.0 (2017), Investigations: Neutrophil count decreased, G1 <LLN - 1.5; G2 <1.5 - 1.0; G3 <1.0 - 0.5; G4 <0.5 x10^9/L
  neutrophils: {
    kind: "decreased",
    term: "Neutrophil count decreased",
    family: "count",
    bands: [
      { grade: 4, below: 0.5, basis: "<0.5 x10^9/L" },
      { grade: 3, below: 1.0, basis: "<1.0 - 0.5 x10^9/L" },
      { grade: 2, below: 1.5, basis: "<1.5 - 1.0 x10^9/L" },
    ],
    grade1Basis: "<LLN - 1.5 x10^9/L",
  },
  // CTCAE v5.0 (2017), Investigations: Platelet count decreased, G1 <LLN - 75.0; G2 <75.0 - 50.0; G3 <50.0 - 25.0; G4 <25.0 x10^9/L
  platelets: {
    kind: "decreased",
    term: "Platelet count decreased",
    family: "count",
    bands: [
      { grade: 4, below: 25.0, basis: "<25.0 x10^9/L" },
      { grade: 3, below: 50.0, basis: "<50.0 - 25.0 x10^9/L" },
      { grade: 2, below: 75.0, basis: "<75.0 - 50.0 x10^9/L" },
    ],
    grade1Basis: "<LLN - 75.0 x10^9/L",
  },
  // CTCAE v5.0 (2017), Investigations: White blood cell decreased, G1 <LLN - 3.0; G2 <3.0 - 2.0; G3 <2.0 - 1.0; G4 <1.0 x10^9/L
  wbc: {
    kind: "decreased",
    term: "White blood cell decreased",
    family: "count",
    bands: [
      { grade: 4, below: 1.0, basis: "<1.0 x10^9/L" },
      { grade: 3, below: 2.0, basis: "<2.0 - 1.0 x10^9/L" },
      { grade: 2, below: 3.0, basis: "<3.0 - 2.0 x10^9/L" },
    ],
    grade1Basis: "<LLN - 3.0 x10^9/L",
  },
  // CTCAE v5.0 (2017), Blood and lymphatic system disorders: Anemia, G1 Hgb <LLN - 10.0 g/dL (<LLN - 6.2 mmol/L);
  // G2 <10.0 - 8.0 g/dL (<6.2 - 4.9 mmol/L); G3 <8.0 g/dL (<4.9 mmol/L); transfusion indicated.
  // Grade 4 ("life-threatening consequences; urgent intervention indicated") and 5 are clinical
  // judgements that no haemoglobin value implies, so a value alone grades at most 3. The separate
  // term Investigations: Hemoglobin increased (a rise from baseline) is not graded here.
  hemoglobin: {
    kind: "decreased",
    term: "Anemia",
    family: "hemoglobin",
    bands: [
      { grade: 3, below: 8.0, basis: "<8.0 g/dL" },
      { grade: 2, below: 10.0, basis: "<10.0 - 8.0 g/dL" },
    ],
    grade1Basis: "<LLN - 10.0 g/dL",
    nativeBands: {
      unit: "mmol/L",
      bands: [
        { grade: 3, below: 4.9, basis: "<4.9 mmol/L" },
        { grade: 2, below: 6.2, basis: "<6.2 - 4.9 mmol/L" },
      ],
      grade1Basis: "<LLN - 6.2 mmol/L",
    },
  },
  // CTCAE v5.0 (2017), Metabolism and nutrition disorders: Hypoalbuminemia, G1 <LLN - 3 g/dL; G2 <3 - 2 g/dL;
  // G3 <2 g/dL. Grade 4 ("life-threatening consequences") and 5 are clinical, not from a value.
  albumin: {
    kind: "decreased",
    term: "Hypoalbuminemia",
    family: "albumin",
    bands: [
      { grade: 3, below: 2, basis: "<2 g/dL" },
      { grade: 2, below: 3, basis: "<3 - 2 g/dL" },
    ],
    grade1Basis: "<LLN - 3 g/dL",
  },
  // CTCAE v5.0 (2017), Investigations: Blood bilirubin increased, baseline normal G1 >ULN - 1.5; G2 >1.5 - 3.0;
  // G3 >3.0 - 10.0; G4 >10.0 x ULN; baseline abnormal G1 >1.0 - 1.5; G2 >1.5 - 3.0; G3 >3.0 - 10.0; G4 >10.0 x baseline
  bilirubin: {
    kind: "increased",
    term: "Blood bilirubin increased",
    family: "bilirubin",
    ulnBands: [
      above(4, 10, ">10.0 x ULN"),
      above(3, 3, ">3.0 - 10.0 x ULN"),
      above(2, 1.5, ">1.5 - 3.0 x ULN"),
      above(1, 1, ">ULN - 1.5 x ULN"),
    ],
    baselineRule: "if-abnormal",
    baselineBands: [
      above(4, 10, ">10.0 x baseline"),
      above(3, 3, ">3.0 - 10.0 x baseline"),
      above(2, 1.5, ">1.5 - 3.0 x baseline"),
      above(1, 1, ">1.0 - 1.5 x baseline"),
    ],
  },
  // CTCAE v5.0 (2017), Investigations: Aspartate aminotransferase increased, baseline normal G1 >ULN - 3.0;
  // G2 >3.0 - 5.0; G3 >5.0 - 20.0; G4 >20.0 x ULN; baseline abnormal G1 1.5 - 3.0; G2 >3.0 - 5.0; G3 >5.0 - 20.0; G4 >20.0 x baseline
  ast: {
    kind: "increased",
    term: "Aspartate aminotransferase increased",
    family: "enzyme",
    ulnBands: TRANSAMINASE_ULN_BANDS,
    baselineRule: "if-abnormal",
    baselineBands: TRANSAMINASE_BASELINE_BANDS,
  },
  // CTCAE v5.0 (2017), Investigations: Alanine aminotransferase increased (same cut-offs as AST)
  alt: {
    kind: "increased",
    term: "Alanine aminotransferase increased",
    family: "enzyme",
    ulnBands: TRANSAMINASE_ULN_BANDS,
    baselineRule: "if-abnormal",
    baselineBands: TRANSAMINASE_BASELINE_BANDS,
  },
  // CTCAE v5.0 (2017), Investigations: Alkaline phosphatase increased, baseline normal G1 >ULN - 2.5; G2 >2.5 - 5.0;
  // G3 >5.0 - 20.0; G4 >20.0 x ULN; baseline abnormal G1 2.0 - 2.5; G2 >2.5 - 5.0; G3 >5.0 - 20.0; G4 >20.0 x baseline
  alp: {
    kind: "increased",
    term: "Alkaline phosphatase increased",
    family: "enzyme",
    ulnBands: [
      above(4, 20, ">20.0 x ULN"),
      above(3, 5, ">5.0 - 20.0 x ULN"),
      above(2, 2.5, ">2.5 - 5.0 x ULN"),
      above(1, 1, ">ULN - 2.5 x ULN"),
    ],
    baselineRule: "if-abnormal",
    baselineBands: [
      above(4, 20, ">20.0 x baseline"),
      above(3, 5, ">5.0 - 20.0 x baseline"),
      above(2, 2.5, ">2.5 - 5.0 x baseline"),
      { grade: 1, multiple: 2.0, inclusive: true, basis: "2.0 - 2.5 x baseline" },
    ],
  },
  // CTCAE v5.0 (2017), Investigations: Creatinine increased, G1 >ULN - 1.5 x ULN; G2 >1.5 - 3.0 x baseline;
  // >1.5 - 3.0 x ULN; G3 >3.0 x baseline; >3.0 - 6.0 x ULN; G4 >6.0 x ULN (either criterion suffices)
  creatinine: {
    kind: "increased",
    term: "Creatinine increased",
    family: "creatinine",
    ulnBands: [
      above(4, 6, ">6.0 x ULN"),
      above(3, 3, ">3.0 - 6.0 x ULN"),
      above(2, 1.5, ">1.5 - 3.0 x ULN"),
      above(1, 1, ">ULN - 1.5 x ULN"),
    ],
    baselineRule: "worse-of",
    baselineBands: [above(3, 3, ">3.0 x baseline"), above(2, 1.5, ">1.5 - 3.0 x baseline")],
  },
};
