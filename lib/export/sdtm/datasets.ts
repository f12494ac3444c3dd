import type { ProjectionTableName } from "@/lib/forms/projections";
import { mapDm, mapDs } from "./dm-ds";
import { mapDv } from "./dv";
import { mapAe, mapEx } from "./ex-ae";
import { mapLb } from "./lb";
import type { SdtmRow, SdtmSubject } from "./sdtm-subject";
import { mapRs, mapTr, mapTu } from "./tumour";

export interface SdtmDataset {
  domain: string;
  /** Variables in SDTMIG order: identifiers, topic, qualifiers, timing. */
  columns: readonly string[];
  /** The form types the mapping reads (the export loads only these). */
  formTypes: readonly string[];
  /** The typed tables the mapping reads (issue 14), with each row's form and visit. */
  typedTables?: readonly ProjectionTableName[];
  map: (subject: SdtmSubject, site: { country: string }) => SdtmRow[];
}

const ID = ["STUDYID", "DOMAIN", "USUBJID"];

/** The SDTM-style datasets of the export, in the order of the zip. */
export const SDTM_DATASETS: readonly SdtmDataset[] = [
  {
    domain: "DM",
    columns: [
      ...ID,
      "SUBJID",
      "RFSTDTC",
      "RFENDTC",
      "RFXSTDTC",
      "RFXENDTC",
      "RFICDTC",
      "DTHDTC",
      "DTHFL",
      "SITEID",
      "AGE",
      "AGEU",
      "SEX",
      "ETHNIC",
      "ARMCD",
      "ARM",
      "ACTARMCD",
      "ACTARM",
      "COUNTRY",
    ],
    formTypes: ["eligibility", "baseline", "dosing", "end-of-study"],
    map: (subject, site) => [mapDm(subject, site)],
  },
  {
    domain: "EX",
    columns: [
      ...ID,
      "EXSEQ",
      "EXTRT",
      "EXDOSE",
      "EXDOSU",
      "EXDOSFRM",
      "EXDOSFRQ",
      "EXROUTE",
      "EXADJ",
      "VISIT",
      "EXSTDTC",
      "EXENDTC",
      "EXSTDY",
    ],
    formTypes: ["dosing"],
    map: mapEx,
  },
  {
    domain: "AE",
    columns: [
      ...ID,
      "AESEQ",
      "AESPID",
      "AETERM",
      "AELLTCD",
      "AEDECOD",
      "AEBODSYS",
      "AESER",
      "AEACN",
      "AEACNTHL",
      "AEACNUFT",
      "AEREL",
      "AERELTHL",
      "AERELUFT",
      "AEOUT",
      "AESDTH",
      "AESLIFE",
      "AESHOSP",
      "AESDISAB",
      "AESCONG",
      "AESMIE",
      "AETOXGR",
      "AESTDTC",
      "AEENDTC",
      "AESTDY",
      "AEENDY",
      "AEENRF",
    ],
    formTypes: [],
    typedTables: ["adverse_events"],
    map: mapAe,
  },
  {
    domain: "LB",
    columns: [
      ...ID,
      "LBSEQ",
      "LBTESTCD",
      "LBTEST",
      "LBCAT",
      "LBORRES",
      "LBORRESU",
      "LBORNRLO",
      "LBORNRHI",
      "LBSTRESC",
      "LBSTRESN",
      "LBSTRESU",
      "LBTOX",
      "LBTOXGR",
      "LBLLOQ",
      "VISIT",
      "LBDTC",
      "LBDY",
    ],
    formTypes: ["cytokines"],
    typedTables: ["lab_results"],
    map: mapLb,
  },
  {
    domain: "TU",
    columns: [
      ...ID,
      "TUSEQ",
      "TULNKID",
      "TUTESTCD",
      "TUTEST",
      "TUORRES",
      "TUSTRESC",
      "TULOC",
      "TUMETHOD",
      "TUEVAL",
      "VISIT",
      "TUDTC",
      "TUDY",
    ],
    formTypes: ["tumour-baseline"],
    map: mapTu,
  },
  {
    domain: "TR",
    columns: [
      ...ID,
      "TRSEQ",
      "TRLNKID",
      "TRTESTCD",
      "TRTEST",
      "TRORRES",
      "TRORRESU",
      "TRSTRESC",
      "TRSTRESN",
      "TRSTRESU",
      "TRSTAT",
      "TRMETHOD",
      "TREVAL",
      "VISIT",
      "TRDTC",
      "TRDY",
    ],
    formTypes: ["tumour-baseline", "tumour-assessment"],
    map: mapTr,
  },
  {
    domain: "RS",
    columns: [...ID, "RSSEQ", "RSTESTCD", "RSTEST", "RSCAT", "RSORRES", "RSSTRESC", "RSEVAL", "VISIT", "RSDTC", "RSDY"],
    formTypes: ["tumour-assessment"],
    map: mapRs,
  },
  {
    domain: "DS",
    columns: [...ID, "DSSEQ", "DSTERM", "DSDECOD", "DSCAT", "EPOCH", "DSSTDTC", "DSSTDY"],
    formTypes: ["eligibility", "end-of-study"],
    map: mapDs,
  },
  {
    domain: "DV",
    columns: [...ID, "DVSEQ", "DVSPID", "DVTERM", "DVDECOD", "DVCAT", "VISIT", "DVSTDTC", "DVSTDY"],
    formTypes: ["dosing"],
    map: mapDv,
  },
];
