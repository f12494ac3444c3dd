/**
 * The trial as exports name it (SDTM STUDYID, ODM Study OID and GlobalVariables): the
 * phase II study of thalidomide plus metronomic tegafur/uracil in advanced HCC
 * (Shao et al., 2012; docs/protocol.md).
 */
export const STUDY = {
  id: "THAL-UFT-HCC",
  name: "Thalidomide plus metronomic UFT in advanced hepatocellular carcinoma",
  description:
    "Phase II, open-label, single-arm, multicentre study of thalidomide 100 mg twice daily plus tegafur/uracil 125 mg/m2 twice daily as first-line therapy for advanced HCC.",
  protocolName: "THAL-UFT-HCC",
  armCode: "THAL+UFT",
  arm: "Thalidomide + tegafur/uracil (UFT)",
} as const;
