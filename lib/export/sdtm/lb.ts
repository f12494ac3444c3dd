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
  type TypedRow,
} from "./sdtm-subject";
import { CANONICAL_CYTOKINE_UNIT, isCytokineUnit, toPgPerMl } from "@/lib/domain/biomarkers/cytokine-units";
import { CYTOKINE_TEST_CODES, LAB_TEST_CODES } from "./terminology";

/**
 * LB (SDTMIG 3.4 section 6.3.5.x): one row per test done. Laboratory results, read from the typed
 * lab_results table, carry the site's normal range (LBORNRLO/HI), the value converted by the
 * rules engine (LBSTRESN/U) and the CTCAE v5.0 grade it computed (LBTOXGR, LBTOX). Baseline cytokines follow as LBCAT CYTOKINES,
 * as typed in LBORRES/LBORRESU and in the analyses' unit (pg/mL) in LBSTRESC/N/U; a result below
 * the LLOQ is LBORRES "<lloq" with no numeric result, never zero.
 */
export function mapLb(subject: SdtmSubject): SdtmRow[] {
  const { patient } = subject;
  const rows: SdtmRow[] = [];
  // Panels in the order they were created, each panel's tests in the terminology's order.
  const panels = new Map<string, TypedRow<"lab_results">[]>();
  for (const row of typedRowsOf(subject, "lab_results"))
    panels.set(row.crf_record_id, [...(panels.get(row.crf_record_id) ?? []), row]);
  for (const results of panels.values()) {
    const byTest = new Map(results.map((row) => [row.test, row]));
    for (const [test, terms] of Object.entries(LAB_TEST_CODES)) {
      const row = byTest.get(test);
      if (!row || row.value === null) continue;
      rows.push({
        ...identifiers("LB", patient),
        LBTESTCD: terms.code,
        LBTEST: terms.name,
        LBCAT: terms.category,
        LBORRES: String(row.value),
        LBORRESU: row.unit,
        LBORNRLO: row.lln === null ? null : String(row.lln),
        LBORNRHI: row.uln === null ? null : String(row.uln),
        LBSTRESC: row.canonical_value === null ? null : String(row.canonical_value),
        LBSTRESN: row.canonical_value,
        LBSTRESU: row.canonical_unit,
        LBTOX: row.grade ? row.ctcae_term : null,
        LBTOXGR: row.grade === null ? null : String(row.grade),
        VISIT: visitName(row.visit_key),
        LBDTC: row.sample_date,
        LBDY: studyDay(row.sample_date, patient.enrollmentDate),
      });
    }
  }
  // Cytokines stay on the record of capture: the analytes are named freely, and LBSEQ follows the
  // order they were typed in, which the typed cytokine_results table does not keep.
  for (const record of recordsOf(subject, "cytokines")) {
    const data = obj(record.data);
    const date = str(data.sampleDate);
    const analytes = Array.isArray(data.analytes) ? data.analytes.map(obj) : [];
    for (const analyte of analytes) {
      const name = str(analyte.analyte) ?? "";
      const terms = CYTOKINE_TEST_CODES[name.toLowerCase()] ?? {
        code: name
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, "")
          .slice(0, 8),
        name,
      };
      const value = num(analyte.value);
      const below = analyte.belowLloq === true;
      const lloq = num(analyte.lloq);
      if (value === null && !below) continue;
      const unit = str(analyte.unit);
      // The standard result is the one the analyses use: pg/mL (lib/domain/biomarkers/cytokine-units).
      const standard = (v: number | null) => (v !== null && unit && isCytokineUnit(unit) ? toPgPerMl(v, unit) : v);
      const standardUnit = unit && isCytokineUnit(unit) ? CANONICAL_CYTOKINE_UNIT : unit;
      rows.push({
        ...identifiers("LB", patient),
        LBTESTCD: terms.code,
        LBTEST: terms.name,
        LBCAT: "CYTOKINES",
        LBORRES: below ? `<${lloq ?? ""}` : String(value),
        LBORRESU: unit,
        LBORNRLO: null,
        LBORNRHI: null,
        LBSTRESC: below ? `<${standard(lloq) ?? ""}` : String(standard(value)),
        LBSTRESN: below ? null : standard(value),
        LBSTRESU: standardUnit,
        LBTOX: null,
        LBTOXGR: null,
        LBLLOQ: standard(lloq),
        VISIT: "BASELINE",
        LBDTC: date,
        LBDY: studyDay(date, patient.enrollmentDate),
      });
    }
  }
  return numberRows("LB", rows);
}
