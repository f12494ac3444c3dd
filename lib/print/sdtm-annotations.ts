import { LAB_TEST_CODES } from "@/lib/export/sdtm/terminology";

/**
 * Where a CRF field lands in the SDTM-style export (lib/export/sdtm), for the annotated CRF
 * of the protocol binder (CDISC Metadata Submission Guidelines, aCRF: "domain.variable" on
 * each field). Kept as a table beside the mapping code it describes; sdtm-annotations.test.ts
 * checks that every named variable exists in its dataset, so a renamed variable fails a test.
 * Paths inside a repeating group use "*" for the row.
 */
const FIXED: Record<string, Record<string, string>> = {
  eligibility: { consentDate: "DM.RFICDTC; DS.DSSTDTC (DSDECOD=INFORMED CONSENT OBTAINED)" },
  baseline: { ageYears: "DM.AGE", sex: "DM.SEX", ethnicity: "DM.ETHNIC" },
  dosing: {
    visitDate: "EX.EXSTDTC",
    "thalidomide.status": "EX.EXADJ (EXTRT=THALIDOMIDE)",
    "thalidomide.statusReason": "EX.EXADJ (EXTRT=THALIDOMIDE)",
    "thalidomide.statusReasonText": "EX.EXADJ (EXTRT=THALIDOMIDE)",
    "uft.status": "EX.EXADJ (EXTRT=TEGAFUR/URACIL)",
    "uft.statusReason": "EX.EXADJ (EXTRT=TEGAFUR/URACIL)",
    "uft.statusReasonText": "EX.EXADJ (EXTRT=TEGAFUR/URACIL)",
  },
  "adverse-event": {
    term: "AE.AETERM; AE.AEDECOD",
    grade: "AE.AETOXGR",
    serious: "AE.AESER",
    onsetDate: "AE.AESTDTC",
    resolutionDate: "AE.AEENDTC",
    ongoing: "AE.AEENRF",
    outcome: "AE.AEOUT",
    "attribution.thalidomide": "AE.AERELTHL",
    "attribution.uft": "AE.AERELUFT",
    "actionTaken.thalidomide": "AE.AEACNTHL",
    "actionTaken.uft": "AE.AEACNUFT",
    "saeCriteria.death": "AE.AESDTH",
    "saeCriteria.lifeThreatening": "AE.AESLIFE",
    "saeCriteria.hospitalization": "AE.AESHOSP",
    "saeCriteria.disability": "AE.AESDISAB",
    "saeCriteria.congenitalAnomaly": "AE.AESCONG",
    "saeCriteria.otherImportant": "AE.AESMIE",
  },
  labs: { sampleDate: "LB.LBDTC" },
  cytokines: {
    sampleDate: "LB.LBDTC (LBCAT=CYTOKINES)",
    "analytes.*.analyte": "LB.LBTESTCD; LB.LBTEST (LBCAT=CYTOKINES)",
    "analytes.*.value": "LB.LBORRES (LBCAT=CYTOKINES)",
    "analytes.*.unit": "LB.LBORRESU (LBCAT=CYTOKINES)",
    "analytes.*.lloq": "LB.LBLLOQ (LBCAT=CYTOKINES)",
  },
  "tumour-baseline": {
    assessmentDate: "TU.TUDTC; TR.TRDTC",
    method: "TU.TUMETHOD; TR.TRMETHOD",
    "targetLesions.*.lesionId": "TU.TULNKID; TR.TRLNKID",
    "targetLesions.*.organ": "TU.TULOC",
    "targetLesions.*.longestDiameterMm": "TR.TRORRES (TRTESTCD=LDIAM)",
  },
  "tumour-assessment": {
    assessmentDate: "TR.TRDTC; RS.RSDTC",
    method: "TR.TRMETHOD",
    nonTargetStatus: "RS.RSORRES (RSTESTCD=NTRGRESP)",
    newLesions: "RS.RSORRES (RSTESTCD=NEWLIND)",
  },
  "end-of-study": {
    deathDate: "DM.DTHDTC",
    offStudyDate: "DM.RFENDTC; DS.DSSTDTC",
    offStudyReason: "DS.DSDECOD (EPOCH=FOLLOW-UP)",
    offStudyReasonOther: "DS.DSTERM (EPOCH=FOLLOW-UP)",
    offTreatmentDate: "DM.RFXENDTC; DS.DSSTDTC",
    offTreatmentReason: "DS.DSDECOD (EPOCH=TREATMENT)",
    offTreatmentReasonOther: "DS.DSTERM (EPOCH=TREATMENT)",
  },
};

const LAB_PART: Record<string, string> = { value: "LBORRES", unit: "LBORRESU", lln: "LBORNRLO", uln: "LBORNRHI" };

/** The SDTM target of a form field ("LB.LBORRES (LBTESTCD=AST)"), or null when only the CSV export carries it. */
export function sdtmTargetOf(formType: string, path: string): string | null {
  const fixed = FIXED[formType]?.[path];
  if (fixed) return fixed;
  if (formType === "labs") {
    const match = /^results\.(\w+)\.(\w+)$/.exec(path);
    const test = match ? LAB_TEST_CODES[match[1]!] : undefined;
    const variable = match ? LAB_PART[match[2]!] : undefined;
    if (test && variable) return `LB.${variable} (LBTESTCD=${test.code})`;
  }
  if (formType === "tumour-assessment") {
    if (/^measurements\.\*\.(diameterMm|status)$/.test(path)) return "TR.TRORRES (TRTESTCD=LDIAM)";
  }
  return null;
}

/** Every "DOMAIN.VARIABLE" named in an annotation (for the consistency test). */
export function variablesNamedIn(annotation: string): string[] {
  return [...annotation.matchAll(/\b([A-Z]{2})\.([A-Z0-9]+)\b/g)].map((m) => `${m[1]}.${m[2]}`);
}

/** All fixed annotations, for the consistency test. */
export function listFixedAnnotations(): { formType: string; path: string; target: string }[] {
  return Object.entries(FIXED).flatMap(([formType, paths]) =>
    Object.entries(paths).map(([path, target]) => ({ formType, path, target })),
  );
}
