/**
 * The inclusion and exclusion criteria of the thalidomide + metronomic UFT phase II trial
 * in advanced HCC (Shao et al. 2012, see docs/protocol.md, "Eligibility"), as a configurable list. An
 * inclusion criterion must be answered "yes" and an exclusion criterion "no".
 */
export type CriterionKind = "inclusion" | "exclusion";

export interface Criterion {
  id: string;
  kind: CriterionKind;
  text: string;
}

export const TRIAL_ELIGIBILITY_CRITERIA: readonly Criterion[] = [
  {
    id: "I1",
    kind: "inclusion",
    text: "Hepatocellular carcinoma, histologically or cytologically confirmed or diagnosed by clinical criteria (AASLD)",
  },
  {
    id: "I2",
    kind: "inclusion",
    text: "Advanced disease not amenable to surgery, local ablation or transarterial chemoembolization",
  },
  { id: "I3", kind: "inclusion", text: "No prior systemic therapy for HCC (treatment-naive)" },
  { id: "I4", kind: "inclusion", text: "At least one measurable lesion by RECIST 1.0" },
  { id: "I5", kind: "inclusion", text: "ECOG performance status 0 to 2" },
  { id: "I6", kind: "inclusion", text: "Child-Pugh class A or B" },
  {
    id: "I7",
    kind: "inclusion",
    text: "Adequate organ function (neutrophils >= 1.5 x10^9/L, platelets >= 75 x10^9/L, bilirubin <= 3 mg/dL, AST/ALT <= 5 x ULN, creatinine <= 1.5 x ULN)",
  },
  { id: "I8", kind: "inclusion", text: "Age 18 years or older, written informed consent signed" },
  {
    id: "E1",
    kind: "exclusion",
    text: "Pregnancy or breast-feeding, or unwilling to use contraception (thalidomide is teratogenic)",
  },
  { id: "E2", kind: "exclusion", text: "Active gastrointestinal bleeding within 4 weeks" },
  { id: "E3", kind: "exclusion", text: "Brain metastasis" },
  { id: "E4", kind: "exclusion", text: "Peripheral neuropathy grade 2 or higher (CTCAE)" },
  { id: "E5", kind: "exclusion", text: "History of deep vein thrombosis or pulmonary embolism" },
  { id: "E6", kind: "exclusion", text: "Another active malignancy" },
];

export type CriterionAnswer = "yes" | "no";

/** The answers of a patient who meets every criterion (yes to each inclusion, no to each exclusion): demo data, benchmarks and tests. */
export function eligibleAnswers(
  criteria: readonly Criterion[] = TRIAL_ELIGIBILITY_CRITERIA,
): Record<string, CriterionAnswer> {
  return Object.fromEntries(criteria.map((c) => [c.id, c.kind === "inclusion" ? "yes" : "no"]));
}

export interface EligibilityEvaluation {
  eligible: boolean;
  unanswered: Criterion[];
  failing: Criterion[];
  /** Sentences a screener can act on, in criterion order. */
  reasons: string[];
}

/** Enrollment is refused while any criterion fails or is unanswered; the reasons say which. */
export function evaluateEligibility(
  answers: Readonly<Record<string, CriterionAnswer | null | undefined>>,
  criteria: readonly Criterion[] = TRIAL_ELIGIBILITY_CRITERIA,
): EligibilityEvaluation {
  const unanswered: Criterion[] = [];
  const failing: Criterion[] = [];
  const reasons: string[] = [];
  for (const criterion of criteria) {
    const answer = answers[criterion.id];
    if (answer !== "yes" && answer !== "no") {
      unanswered.push(criterion);
      reasons.push(`${criterion.id} is not answered: ${criterion.text}`);
    } else if ((criterion.kind === "inclusion") !== (answer === "yes")) {
      failing.push(criterion);
      reasons.push(`${criterion.id} ${criterion.kind === "inclusion" ? "not met" : "present"}: ${criterion.text}`);
    }
  }
  return { eligible: unanswered.length === 0 && failing.length === 0, unanswered, failing, reasons };
}
