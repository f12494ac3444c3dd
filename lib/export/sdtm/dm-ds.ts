import { STUDY } from "../study";
import {
  identifiers,
  numberRows,
  obj,
  recordsOf,
  str,
  num,
  studyDay,
  type SdtmRow,
  type SdtmSubject,
} from "./sdtm-subject";
import { OFF_STUDY_DECOD, OFF_TREATMENT_DECOD, SEX } from "./terminology";

/** ISO 3166-1 alpha-3 for COUNTRY (SDTMIG 3.4 DM); sites store the country name. */
const COUNTRY_CODES: Record<string, string> = {
  taiwan: "TWN",
  japan: "JPN",
  "hong kong": "HKG",
  china: "CHN",
  korea: "KOR",
  singapore: "SGP",
};

function firstData(subject: SdtmSubject, formType: string): Record<string, unknown> {
  return obj(recordsOf(subject, formType)[0]?.data);
}

/** DM, one row per subject (SDTMIG 3.4 section 6.1.1). Screen failures: ARMCD SCRNFAIL; not yet treated: NOTASSGN. */
export function mapDm(subject: SdtmSubject, site: { country: string }): SdtmRow {
  const { patient } = subject;
  const eligibility = firstData(subject, "eligibility");
  const baseline = firstData(subject, "baseline");
  const eos = firstData(subject, "end-of-study");
  const dosingDates = recordsOf(subject, "dosing")
    .map((r) => str(obj(r.data).visitDate))
    .filter((d): d is string => d !== null)
    .sort();
  const enrolled = patient.enrollmentDate !== null;
  const arm =
    patient.status === "SCREEN_FAILED"
      ? ["SCRNFAIL", "Screen Failure"]
      : enrolled
        ? [STUDY.armCode, STUDY.arm]
        : ["NOTASSGN", "Not Assigned"];
  const treated = dosingDates.length > 0;
  const deathDate = str(eos.deathDate);
  return {
    ...identifiers("DM", patient),
    SUBJID: patient.subjectId,
    RFSTDTC: patient.enrollmentDate,
    RFENDTC: str(eos.offStudyDate) ?? deathDate ?? str(eos.lastKnownAliveDate),
    RFXSTDTC: dosingDates[0] ?? null,
    RFXENDTC: str(eos.offTreatmentDate) ?? (treated ? dosingDates[dosingDates.length - 1]! : null),
    RFICDTC: str(eligibility.consentDate),
    DTHDTC: deathDate,
    DTHFL: deathDate ? "Y" : null,
    SITEID: patient.siteCode,
    AGE: num(baseline.ageYears),
    AGEU: num(baseline.ageYears) === null ? null : "YEARS",
    SEX: SEX[str(baseline.sex) ?? ""] ?? "U",
    ETHNIC: str(baseline.ethnicity),
    ARMCD: arm[0]!,
    ARM: arm[1]!,
    ACTARMCD: treated ? STUDY.armCode : arm[0] === STUDY.armCode ? "NOTTRT" : arm[0]!,
    ACTARM: treated ? STUDY.arm : arm[0] === STUDY.armCode ? "Not Treated" : arm[1]!,
    COUNTRY: COUNTRY_CODES[site.country.trim().toLowerCase()] ?? site.country.toUpperCase(),
  };
}

/**
 * DS (SDTMIG 3.4 section 6.2.3): informed consent (protocol milestone), screen failure, and
 * the end of the treatment and follow-up epochs with their standardized reason (C66727).
 */
export function mapDs(subject: SdtmSubject): SdtmRow[] {
  const { patient } = subject;
  const eligibility = firstData(subject, "eligibility");
  const eos = firstData(subject, "end-of-study");
  const rows: SdtmRow[] = [];
  const add = (term: string, decod: string, category: string, epoch: string, date: string | null) =>
    rows.push({
      ...identifiers("DS", patient),
      DSTERM: term,
      DSDECOD: decod,
      DSCAT: category,
      EPOCH: epoch,
      DSSTDTC: date,
      DSSTDY: studyDay(date, patient.enrollmentDate),
    });
  const consent = str(eligibility.consentDate);
  if (consent)
    add("INFORMED CONSENT OBTAINED", "INFORMED CONSENT OBTAINED", "PROTOCOL MILESTONE", "SCREENING", consent);
  if (patient.status === "SCREEN_FAILED")
    add(patient.screenFailureReason ?? "SCREEN FAILURE", "SCREEN FAILURE", "DISPOSITION EVENT", "SCREENING", null);
  /** An end-of-study disposition: the reason as the site wrote it (else its code spelled out) and its controlled term. */
  const addDisposition = (
    reason: string | null,
    reasonOther: string | null,
    decod: Record<string, string>,
    epoch: string,
    date: string | null,
  ) => {
    if (reason)
      add(
        reasonOther ?? reason.replace(/-/g, " ").toUpperCase(),
        decod[reason] ?? "OTHER",
        "DISPOSITION EVENT",
        epoch,
        date,
      );
  };
  addDisposition(
    str(eos.offTreatmentReason),
    str(eos.offTreatmentReasonOther),
    OFF_TREATMENT_DECOD,
    "TREATMENT",
    str(eos.offTreatmentDate),
  );
  addDisposition(
    str(eos.offStudyReason),
    str(eos.offStudyReasonOther),
    OFF_STUDY_DECOD,
    "FOLLOW-UP",
    str(eos.offStudyDate),
  );
  return numberRows("DS", rows);
}
