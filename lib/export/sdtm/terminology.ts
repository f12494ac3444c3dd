/**
 * CDISC Controlled Terminology (SDTM CT) submission values used by the SDTM-style datasets,
 * with the codelist each comes from. SDTMIG 3.4 names the variables; CDISC CT (NCI EVS)
 * gives the values. Keys are the app's own stored codes.
 */

/** SEX (C66731). */
export const SEX: Record<string, string> = { female: "F", male: "M" };

/** No Yes Response (C66742). */
export const NY: Record<string, string> = { yes: "Y", no: "N" };

/** Action Taken with Study Treatment, AEACN (C66767). */
export const AE_ACTION: Record<string, string> = {
  none: "DOSE NOT CHANGED",
  "dose-reduced": "DOSE REDUCED",
  interrupted: "DRUG INTERRUPTED",
  withdrawn: "DRUG WITHDRAWN",
};

/** Outcome of Event, AEOUT (C66768). */
export const AE_OUTCOME: Record<string, string> = {
  recovered: "RECOVERED/RESOLVED",
  recovering: "RECOVERING/RESOLVING",
  "not-recovered": "NOT RECOVERED/NOT RESOLVED",
  "recovered-with-sequelae": "RECOVERED/RESOLVED WITH SEQUELAE",
  fatal: "FATAL",
  unknown: "UNKNOWN",
};

/**
 * Causality is sponsor-defined in SDTMIG 3.4 (AEREL has no CDISC codelist). The app's
 * five-point scale is kept, upper-cased; per-drug values are in AERELTHL / AERELUFT.
 */
export const AE_RELATIONSHIP: Record<string, string> = {
  unrelated: "NOT RELATED",
  unlikely: "UNLIKELY RELATED",
  possible: "POSSIBLY RELATED",
  probable: "PROBABLY RELATED",
  definite: "DEFINITELY RELATED",
};
/** Strength order of the scale above, weakest first (AEREL takes the strongest of the two drugs). */
export const AE_RELATIONSHIP_ORDER = ["unrelated", "unlikely", "possible", "probable", "definite"];

/** Laboratory Test Code / Name, LBTESTCD / LBTEST (C65047 / C67154), and category (LBCAT). */
export const LAB_TEST_CODES: Record<string, { code: string; name: string; category: "HEMATOLOGY" | "CHEMISTRY" }> = {
  neutrophils: { code: "NEUT", name: "Neutrophils", category: "HEMATOLOGY" },
  platelets: { code: "PLAT", name: "Platelets", category: "HEMATOLOGY" },
  wbc: { code: "WBC", name: "Leukocytes", category: "HEMATOLOGY" },
  hemoglobin: { code: "HGB", name: "Hemoglobin", category: "HEMATOLOGY" },
  albumin: { code: "ALB", name: "Albumin", category: "CHEMISTRY" },
  bilirubin: { code: "BILI", name: "Bilirubin", category: "CHEMISTRY" },
  ast: { code: "AST", name: "Aspartate Aminotransferase", category: "CHEMISTRY" },
  alt: { code: "ALT", name: "Alanine Aminotransferase", category: "CHEMISTRY" },
  alp: { code: "ALP", name: "Alkaline Phosphatase", category: "CHEMISTRY" },
  creatinine: { code: "CREAT", name: "Creatinine", category: "CHEMISTRY" },
};

/** Cytokines as LB tests (C65047 codes where CT has them: IL6, IL8, VEGF, TNFA; bFGF as FGF2). */
export const CYTOKINE_TEST_CODES: Record<string, { code: string; name: string }> = {
  "il-6": { code: "IL6", name: "Interleukin 6" },
  "il-8": { code: "IL8", name: "Interleukin 8" },
  vegf: { code: "VEGF", name: "Vascular Endothelial Growth Factor" },
  bfgf: { code: "FGF2", name: "Basic Fibroblast Growth Factor" },
  "tnf-alpha": { code: "TNFA", name: "Tumor Necrosis Factor Alpha" },
};

/** Method of Test or Examination, --METHOD (C85492). */
export const IMAGING_METHOD: Record<string, string> = {
  "spiral-ct": "SPIRAL CT SCAN",
  ct: "CT SCAN",
  mri: "MRI",
  "chest-xray": "X-RAY",
  caliper: "PHYSICAL EXAMINATION",
};

/** Non-target response as RSORRES (RECIST: CR, NON-CR/NON-PD, PD, NE). */
export const NON_TARGET_RESULT: Record<string, string | null> = {
  CR: "CR",
  NON_CR_NON_PD: "NON-CR/NON-PD",
  PD: "PD",
  NE: "NE",
  ABSENT: null,
};

/** Standardized Disposition Term, DSDECOD (C66727), for going off treatment. */
export const OFF_TREATMENT_DECOD: Record<string, string> = {
  progression: "PROGRESSIVE DISEASE",
  toxicity: "ADVERSE EVENT",
  "patient-decision": "WITHDRAWAL BY SUBJECT",
  "investigator-decision": "PHYSICIAN DECISION",
  death: "DEATH",
  other: "OTHER",
};

/** DSDECOD (C66727) for leaving the study. */
export const OFF_STUDY_DECOD: Record<string, string> = {
  "follow-up-completed": "COMPLETED",
  death: "DEATH",
  "lost-to-follow-up": "LOST TO FOLLOW-UP",
  "consent-withdrawn": "WITHDRAWAL BY SUBJECT",
  "investigator-decision": "PHYSICIAN DECISION",
  other: "OTHER",
};

/** Frequency, EXDOSFRQ (C71113); route (C66729); dose form (C66726). */
export const BID = "BID";
export const ORAL = "ORAL";
export const CAPSULE = "CAPSULE";
