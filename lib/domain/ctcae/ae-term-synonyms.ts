/**
 * Search aliases for the AE term picker: the words investigators type (British spellings,
 * older CTC names, abbreviations) mapped to the CTCAE v5.0 term to record. These are NOT
 * CTCAE terms and are never stored; they only help find the right term. Kept apart from the
 * transcribed CTCAE data in `terms/` so that data stays a faithful copy of the source.
 */
export const AE_TERM_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  "Alanine aminotransferase increased": ["ALT", "SGPT", "transaminases"],
  "Alkaline phosphatase increased": ["ALP"],
  Alopecia: ["hair loss"],
  Anemia: ["anaemia", "hemoglobin decreased", "haemoglobin decreased"],
  Anorexia: ["appetite loss", "loss of appetite"],
  "Aspartate aminotransferase increased": ["AST", "SGOT", "transaminases"],
  "Blood bilirubin increased": ["hyperbilirubinemia", "hyperbilirubinaemia", "jaundice"],
  "Death NOS": ["death"],
  Diarrhea: ["diarrhoea"],
  Dyspnea: ["dyspnoea", "shortness of breath", "breathlessness"],
  "Edema limbs": ["oedema", "peripheral edema", "peripheral oedema", "leg swelling"],
  "Esophageal varices hemorrhage": ["oesophageal", "variceal bleeding"],
  Fever: ["pyrexia"],
  Hiccups: ["hiccough", "singultus"],
  "Lower gastrointestinal hemorrhage": ["GI hemorrhage", "GI haemorrhage", "GI bleeding"],
  "Lymphocyte count decreased": ["lymphopenia"],
  "Mucositis oral": ["stomatitis"],
  "Neutrophil count decreased": ["neutropenia", "ANC"],
  "Palmar-plantar erythrodysesthesia syndrome": ["hand-foot syndrome", "HFS"],
  "Platelet count decreased": ["thrombocytopenia"],
  Pruritus: ["itching"],
  Sepsis: ["septicemia", "septicaemia", "SIRS"],
  "Sinus bradycardia": ["bradycardia"],
  Somnolence: ["drowsiness", "sedation"],
  "Thromboembolic event": ["DVT", "deep vein thrombosis", "pulmonary embolism", "thrombosis"],
  "Upper gastrointestinal hemorrhage": ["GI hemorrhage", "GI haemorrhage", "GI bleeding"],
  Vomiting: ["emesis"],
  "White blood cell decreased": ["leukopenia", "leucopenia", "WBC"],
};
