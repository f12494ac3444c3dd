/** A CTCAE adverse-event grade: 1 mild, 2 moderate, 3 severe, 4 life-threatening, 5 death. */
export type AeGrade = 1 | 2 | 3 | 4 | 5;

/** Every CTCAE grade, in order. */
export const AE_GRADES: readonly AeGrade[] = [1, 2, 3, 4, 5];

/**
 * MedDRA System Organ Classes as CTCAE v5.0 spells them (only those the trial's term list uses).
 * CTCAE v5.0 (2017), "SOC" column.
 */
export const SOC = {
  blood: "Blood and lymphatic system disorders",
  cardiac: "Cardiac disorders",
  ear: "Ear and labyrinth disorders",
  endocrine: "Endocrine disorders",
  eye: "Eye disorders",
  gastrointestinal: "Gastrointestinal disorders",
  general: "General disorders and administration site conditions",
  hepatobiliary: "Hepatobiliary disorders",
  immune: "Immune system disorders",
  infections: "Infections and infestations",
  injury: "Injury, poisoning and procedural complications",
  investigations: "Investigations",
  metabolism: "Metabolism and nutrition disorders",
  musculoskeletal: "Musculoskeletal and connective tissue disorders",
  neoplasms: "Neoplasms benign, malignant and unspecified (incl cysts and polyps)",
  nervous: "Nervous system disorders",
  psychiatric: "Psychiatric disorders",
  renal: "Renal and urinary disorders",
  reproductive: "Reproductive system and breast disorders",
  respiratory: "Respiratory, thoracic and mediastinal disorders",
  skin: "Skin and subcutaneous tissue disorders",
  vascular: "Vascular disorders",
} as const;

/** A MedDRA System Organ Class name as printed in CTCAE v5.0. */
export type CtcaeSoc = (typeof SOC)[keyof typeof SOC];

/**
 * One CTCAE v5.0 term as transcribed in `terms/`: the grade text for every grade the term
 * allows. A grade CTCAE marks with a dash has no key, so the allowed grades are the keys.
 */
export interface AeTermDefinition {
  /** CTCAE term, exactly as printed (e.g. "Palmar-plantar erythrodysesthesia syndrome"). */
  term: string;
  soc: CtcaeSoc;
  /** MedDRA v20.1 Lowest Level Term code printed beside the term in CTCAE v5.0. */
  meddraCode?: string;
  /** CTCAE grade criteria text, keyed by grade. */
  grades: Partial<Record<AeGrade, string>>;
}

/** A term as offered by the AE form: name, SOC, MedDRA code and its allowed grades. */
export interface AeTerm {
  term: string;
  soc: CtcaeSoc;
  /** MedDRA v20.1 LLT code; absent when not known reliably. */
  meddraCode?: string;
  /** Grades CTCAE defines for this term, ascending (e.g. Fatigue [1, 2, 3]; Death NOS [5]). */
  grades: readonly AeGrade[];
}
