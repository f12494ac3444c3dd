import {
  identifiers,
  numberRows,
  num,
  obj,
  recordsOf,
  str,
  studyDay,
  visitName,
  type SdtmRow,
  type SdtmSubject,
} from "./sdtm-subject";
import { AE_ACTION, AE_OUTCOME, AE_RELATIONSHIP, AE_RELATIONSHIP_ORDER, BID, CAPSULE, NY, ORAL } from "./terminology";

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
function overallRelationship(attribution: Record<string, unknown>): string | null {
  const values = DRUGS.map((d) => str(attribution[d.key])).filter((v): v is string => v !== null);
  if (!values.length) return null;
  const strongest = values.sort((a, b) => AE_RELATIONSHIP_ORDER.indexOf(b) - AE_RELATIONSHIP_ORDER.indexOf(a))[0]!;
  return AE_RELATIONSHIP[strongest] ?? strongest.toUpperCase();
}

/** AEACN (C66767): the action with both drugs, MULTIPLE when they differ (SDTMIG 3.4 AE assumptions). */
function overallAction(action: Record<string, unknown>): string | null {
  const values = [...new Set(DRUGS.map((d) => str(action[d.key])).filter((v): v is string => v !== null))];
  if (values.length === 0) return null;
  return values.length > 1 ? "MULTIPLE" : (AE_ACTION[values[0]!] ?? values[0]!.toUpperCase());
}

/** AE (SDTMIG 3.4 section 6.2.1) with CTCAE v5.0 grade (AETOXGR) and MedDRA SOC from the CTCAE term. */
export function mapAe(subject: SdtmSubject): SdtmRow[] {
  const { patient } = subject;
  const rows = recordsOf(subject, "adverse-event").map((record): SdtmRow => {
    const d = obj(record.data);
    const criteria = obj(d.saeCriteria);
    const attribution = obj(d.attribution);
    const action = obj(d.actionTaken);
    const flag = (key: string) => (str(d.serious) === "yes" ? (criteria[key] === true ? "Y" : "N") : null);
    const grade = num(d.grade);
    return {
      ...identifiers("AE", patient),
      AESPID: record.id,
      AETERM: str(d.term),
      AELLTCD: str(record.computed.meddraCode),
      AEDECOD: str(d.term),
      AEBODSYS: str(record.computed.soc),
      AESER: NY[str(d.serious) ?? ""] ?? null,
      AEACN: overallAction(action),
      AEACNTHL: AE_ACTION[str(action.thalidomide) ?? ""] ?? null,
      AEACNUFT: AE_ACTION[str(action.uft) ?? ""] ?? null,
      AEREL: overallRelationship(attribution),
      AERELTHL: AE_RELATIONSHIP[str(attribution.thalidomide) ?? ""] ?? null,
      AERELUFT: AE_RELATIONSHIP[str(attribution.uft) ?? ""] ?? null,
      AEOUT: AE_OUTCOME[str(d.outcome) ?? ""] ?? null,
      AESDTH: flag("death"),
      AESLIFE: flag("lifeThreatening"),
      AESHOSP: flag("hospitalization"),
      AESDISAB: flag("disability"),
      AESCONG: flag("congenitalAnomaly"),
      AESMIE: flag("otherImportant"),
      AETOXGR: grade === null ? null : String(grade),
      AESTDTC: str(d.onsetDate),
      AEENDTC: str(d.resolutionDate),
      AESTDY: studyDay(str(d.onsetDate), patient.enrollmentDate),
      AEENDY: studyDay(str(d.resolutionDate), patient.enrollmentDate),
      AEENRF: d.ongoing === true ? "ONGOING" : null,
    };
  });
  rows.sort((a, b) => String(a.AESTDTC ?? "").localeCompare(String(b.AESTDTC ?? "")));
  return numberRows("AE", rows);
}
