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
import { CANONICAL_CYTOKINE_UNIT, isCytokineUnit, toPgPerMl } from "@/lib/domain/biomarkers/cytokine-units";
import { CYTOKINE_TEST_CODES, LAB_TEST_CODES } from "./terminology";

/**
 * LB (SDTMIG 3.4 section 6.3.5.x): one row per test done. Laboratory results carry the site's
 * normal range (LBORNRLO/HI), the value converted by the rules engine (LBSTRESN/U) and the
 * CTCAE v5.0 grade it computed (LBTOXGR, LBTOX). Baseline cytokines follow as LBCAT CYTOKINES,
 * as typed in LBORRES/LBORRESU and in the analyses' unit (pg/mL) in LBSTRESC/N/U; a result below
 * the LLOQ is LBORRES "<lloq" with no numeric result, never zero.
 */
export function mapLb(subject: SdtmSubject): SdtmRow[] {
  const { patient } = subject;
  const rows: SdtmRow[] = [];
  for (const record of recordsOf(subject, "labs")) {
    const data = obj(record.data);
    const results = obj(data.results);
    const graded = obj(record.computed.results);
    const date = str(data.sampleDate);
    for (const [test, terms] of Object.entries(LAB_TEST_CODES)) {
      const row = obj(results[test]);
      const value = num(row.value);
      if (value === null) continue;
      const grade = obj(graded[test]);
      rows.push({
        ...identifiers("LB", patient),
        LBTESTCD: terms.code,
        LBTEST: terms.name,
        LBCAT: terms.category,
        LBORRES: String(value),
        LBORRESU: str(row.unit),
        LBORNRLO: num(row.lln) === null ? null : String(row.lln),
        LBORNRHI: num(row.uln) === null ? null : String(row.uln),
        LBSTRESC: num(grade.normalizedValue) === null ? null : String(grade.normalizedValue),
        LBSTRESN: num(grade.normalizedValue),
        LBSTRESU: str(grade.normalizedUnit),
        LBTOX: num(grade.grade) ? str(grade.term) : null,
        LBTOXGR: num(grade.grade) === null ? null : String(grade.grade),
        VISIT: visitName(record.visitKey),
        LBDTC: date,
        LBDY: studyDay(date, patient.enrollmentDate),
      });
    }
  }
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
