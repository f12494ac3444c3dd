import {
  identifiers,
  numberRows,
  obj,
  recordsOf,
  str,
  studyDay,
  visitName,
  type SdtmRow,
  type SdtmSubject,
} from "./sdtm-subject";

const DRUG_NAMES = { uft: "TEGAFUR/URACIL", thalidomide: "THALIDOMIDE" } as const;

/**
 * DV (SDTMIG 3.4 section 6.2, protocol deviations): one row per drug per dosing visit whose
 * dose departs from the protocol's dose-modification table, with the investigator's reason.
 * DVDECOD is sponsor-defined (no CDISC codelist is required for it).
 */
export function mapDv(subject: SdtmSubject): SdtmRow[] {
  const { patient } = subject;
  const rows: SdtmRow[] = [];
  const visits = recordsOf(subject, "dosing")
    .map((record) => ({ record, data: obj(record.data) }))
    .sort((a, b) => (str(a.data.visitDate) ?? "").localeCompare(str(b.data.visitDate) ?? ""));
  for (const { record, data } of visits) {
    for (const drug of ["uft", "thalidomide"] as const) {
      const reason = str(obj(data[drug]).deviationReason);
      if (!reason) continue;
      const date = str(data.visitDate);
      rows.push({
        ...identifiers("DV", patient),
        DVSPID: `${record.id}/${drug}`,
        DVTERM: `${DRUG_NAMES[drug]} dose not as the protocol's dose-modification table recommends: ${reason}`,
        DVDECOD: "DOSE MODIFICATION NOT PER PROTOCOL",
        DVCAT: "TREATMENT DEVIATION",
        VISIT: visitName(record.visitKey),
        DVSTDTC: date,
        DVSTDY: studyDay(date, patient.enrollmentDate),
      });
    }
  }
  return numberRows("DV", rows);
}
