import {
  identifiers,
  numberRows,
  num,
  obj,
  recordsOf,
  str,
  studyDay,
  typedRowsOf,
  visitName,
  type SdtmRow,
  type SdtmSubject,
} from "./sdtm-subject";
import { AE_ACTION, AE_OUTCOME, AE_RELATIONSHIP, AE_RELATIONSHIP_ORDER, BID, CAPSULE, ORAL } from "./terminology";

const DRUGS = [
  { key: "thalidomide", treatment: "THALIDOMIDE" },
  // UFT is dosed on tegafur (protocol: 125 mg/m2 of tegafur, 100 mg tegafur per capsule).
  { key: "uft", treatment: "TEGAFUR/URACIL" },
] as const;

/** The dose per administration in mg as the rules engine computed it (tegafur for UFT). */
function dosePerAdministration(drug: "thalidomide" | "uft", computed: Record<string, unknown>): number | null {
  const c = obj(computed[drug]);
  if (drug === "thalidomide") return num(c.mgPerDose);
  const capsules = num(c.capsulesPerDose);
  const capsuleMg = num(c.capsuleMg);
  return capsules !== null && capsuleMg !== null ? capsules * capsuleMg : null;
}

/**
 * EX (SDTMIG 3.4 section 6.1.3): one row per drug per dosing visit, for the period until
 * the next dosing visit. A held dose is EXDOSE 0 with EXADJ; a discontinued drug has no row.
 */
export function mapEx(subject: SdtmSubject): SdtmRow[] {
  const { patient } = subject;
  const visits = recordsOf(subject, "dosing")
    .map((r) => ({ record: r, data: obj(r.data), date: str(obj(r.data).visitDate) }))
    .filter((v) => v.date !== null)
    .sort((a, b) => a.date!.localeCompare(b.date!));
  const rows: SdtmRow[] = [];
  for (const drug of DRUGS) {
    visits.forEach((visit, index) => {
      const d = obj(visit.data[drug.key]);
      const status = str(d.status);
      if (!status || status === "discontinued") return;
      const next = visits[index + 1]?.date ?? null;
      const end = next ? new Date(Date.parse(next) - 86_400_000).toISOString().slice(0, 10) : null;
      const reason = str(d.statusReasonText) ?? str(d.statusReason);
      rows.push({
        ...identifiers("EX", patient),
        EXTRT: drug.treatment,
        EXDOSE: status === "held" ? 0 : dosePerAdministration(drug.key, visit.record.computed),
        EXDOSU: "mg",
        EXDOSFRM: CAPSULE,
        EXDOSFRQ: BID,
        EXROUTE: ORAL,
        EXADJ:
          status === "held"
            ? `DOSE HELD: ${reason ?? ""}`.trim()
            : status === "reduced"
              ? `DOSE REDUCED: ${reason ?? ""}`.trim()
              : null,
        VISIT: visitName(visit.record.visitKey),
        EXSTDTC: visit.date,
        EXENDTC: end,
        EXSTDY: studyDay(visit.date, patient.enrollmentDate),
      });
    });
  }
  return numberRows("EX", rows);
}

/** AEREL: the stronger of the two drugs' attributions (sponsor-defined terms, see terminology). */
function overallRelationship(attributions: readonly (string | null)[]): string | null {
  const values = attributions.filter((v): v is string => v !== null && v !== "");
  if (!values.length) return null;
  const strongest = values.sort((a, b) => AE_RELATIONSHIP_ORDER.indexOf(b) - AE_RELATIONSHIP_ORDER.indexOf(a))[0]!;
  return AE_RELATIONSHIP[strongest] ?? strongest.toUpperCase();
}

/** AEACN (C66767): the action with both drugs, MULTIPLE when they differ (SDTMIG 3.4 AE assumptions). */
function overallAction(actions: readonly (string | null)[]): string | null {
  const values = [...new Set(actions.filter((v): v is string => v !== null && v !== ""))];
  if (values.length === 0) return null;
  return values.length > 1 ? "MULTIPLE" : (AE_ACTION[values[0]!] ?? values[0]!.toUpperCase());
}

/**
 * AE (SDTMIG 3.4 section 6.2.1) with CTCAE v5.0 grade (AETOXGR) and MedDRA SOC from the CTCAE term,
 * read from the typed adverse_events table (the form accepts CTCAE v5.0 terms only, stored there
 * as CTCAE spells them: AETERM and AEDECOD alike).
 */
export function mapAe(subject: SdtmSubject): SdtmRow[] {
  const { patient } = subject;
  const rows = typedRowsOf(subject, "adverse_events").map((ae): SdtmRow => {
    const flag = (criterion: boolean | null) => (ae.serious === true ? (criterion === true ? "Y" : "N") : null);
    const attributions = [ae.attribution_thalidomide, ae.attribution_uft];
    const actions = [ae.action_thalidomide, ae.action_uft];
    return {
      ...identifiers("AE", patient),
      AESPID: ae.crf_record_id,
      AETERM: ae.term,
      AELLTCD: ae.meddra_code,
      AEDECOD: ae.term,
      AEBODSYS: ae.soc,
      AESER: ae.serious === null ? null : ae.serious ? "Y" : "N",
      AEACN: overallAction(actions),
      AEACNTHL: AE_ACTION[ae.action_thalidomide ?? ""] ?? null,
      AEACNUFT: AE_ACTION[ae.action_uft ?? ""] ?? null,
      AEREL: overallRelationship(attributions),
      AERELTHL: AE_RELATIONSHIP[ae.attribution_thalidomide ?? ""] ?? null,
      AERELUFT: AE_RELATIONSHIP[ae.attribution_uft ?? ""] ?? null,
      AEOUT: AE_OUTCOME[ae.outcome ?? ""] ?? null,
      AESDTH: flag(ae.sae_death),
      AESLIFE: flag(ae.sae_life_threatening),
      AESHOSP: flag(ae.sae_hospitalization),
      AESDISAB: flag(ae.sae_disability),
      AESCONG: flag(ae.sae_congenital_anomaly),
      AESMIE: flag(ae.sae_other_important),
      AETOXGR: ae.grade === null ? null : String(ae.grade),
      AESTDTC: ae.onset_date,
      AEENDTC: ae.resolution_date,
      AESTDY: studyDay(ae.onset_date, patient.enrollmentDate),
      AEENDY: studyDay(ae.resolution_date, patient.enrollmentDate),
      AEENRF: ae.ongoing === true ? "ONGOING" : null,
    };
  });
  rows.sort((a, b) => String(a.AESTDTC ?? "").localeCompare(String(b.AESTDTC ?? "")));
  return numberRows("AE", rows);
}
