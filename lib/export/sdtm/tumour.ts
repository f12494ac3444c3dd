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
import { IMAGING_METHOD, NON_TARGET_RESULT } from "./terminology";

const lesions = (data: Record<string, unknown>, key: string) =>
  Array.isArray(data[key]) ? (data[key] as unknown[]).map(obj) : [];

/**
 * TU (SDTMIG 3.4 section 6.3.9.3, oncology): the lesions identified at baseline, target and
 * non-target (RECIST), linked to their measurements by TULNKID.
 */
export function mapTu(subject: SdtmSubject): SdtmRow[] {
  const { patient } = subject;
  const rows: SdtmRow[] = [];
  for (const record of recordsOf(subject, "tumour-baseline")) {
    const data = obj(record.data);
    const date = str(data.assessmentDate);
    const method = IMAGING_METHOD[str(data.method) ?? ""] ?? null;
    for (const [key, result] of [
      ["targetLesions", "TARGET"],
      ["nonTargetLesions", "NON-TARGET"],
    ] as const) {
      for (const lesion of lesions(data, key)) {
        rows.push({
          ...identifiers("TU", patient),
          TULNKID: str(lesion.lesionId),
          TUTESTCD: "TUMIDENT",
          TUTEST: "Tumor Identification",
          TUORRES: result,
          TUSTRESC: result,
          TULOC: str(lesion.organ)?.toUpperCase() ?? null,
          TUMETHOD: IMAGING_METHOD[str(lesion.method) ?? ""] ?? method,
          TUEVAL: "INVESTIGATOR",
          VISIT: "BASELINE",
          TUDTC: date,
          TUDY: studyDay(date, patient.enrollmentDate),
        });
      }
    }
  }
  return numberRows("TU", rows);
}

/**
 * TR (SDTMIG 3.4 section 6.3.9.4): longest diameters of the target lesions (LDIAM) and their
 * sum (SUMDIAM) at baseline and each assessment. A disappeared lesion measures 0 mm; a lesion
 * too small to measure or not assessed has no numeric result (TRSTAT NOT DONE when not assessed).
 */
export function mapTr(subject: SdtmSubject): SdtmRow[] {
  const { patient } = subject;
  const rows: SdtmRow[] = [];
  const add = (
    lesionId: string | null,
    code: "LDIAM" | "SUMDIAM",
    result: number | null,
    text: string | null,
    visit: string | null,
    date: string | null,
    method: string | null,
  ) =>
    rows.push({
      ...identifiers("TR", patient),
      TRLNKID: lesionId,
      TRTESTCD: code,
      TRTEST: code === "LDIAM" ? "Longest Diameter" : "Sum of Diameter",
      TRORRES: text ?? (result === null ? null : String(result)),
      TRORRESU: result === null ? null : "mm",
      TRSTRESC: text ?? (result === null ? null : String(result)),
      TRSTRESN: result,
      TRSTRESU: result === null ? null : "mm",
      TRSTAT: text === null && result === null ? "NOT DONE" : null,
      TRMETHOD: method,
      TREVAL: "INVESTIGATOR",
      VISIT: visit,
      TRDTC: date,
      TRDY: studyDay(date, patient.enrollmentDate),
    });
  for (const record of recordsOf(subject, "tumour-baseline")) {
    const data = obj(record.data);
    const date = str(data.assessmentDate);
    const method = IMAGING_METHOD[str(data.method) ?? ""] ?? null;
    for (const lesion of lesions(data, "targetLesions"))
      add(str(lesion.lesionId), "LDIAM", num(lesion.longestDiameterMm), null, "BASELINE", date, method);
    add(null, "SUMDIAM", num(record.computed.baselineSumMm), null, "BASELINE", date, method);
  }
  for (const record of recordsOf(subject, "tumour-assessment")) {
    const data = obj(record.data);
    const date = str(data.assessmentDate);
    const method = IMAGING_METHOD[str(data.method) ?? ""] ?? null;
    const visit = visitName(record.visitKey);
    for (const m of lesions(data, "measurements")) {
      const status = str(m.status);
      const value = status === "disappeared" ? 0 : num(m.diameterMm);
      add(str(m.lesionId), "LDIAM", value, status === "too-small" ? "TOO SMALL TO MEASURE" : null, visit, date, method);
    }
    add(null, "SUMDIAM", num(record.computed.currentSumMm), null, visit, date, method);
  }
  return numberRows("TR", rows);
}

/**
 * RS (SDTMIG 3.4 section 6.3.9.5): per assessment the target, non-target and overall
 * response (RSCAT RECIST 1.0). The overall response is what counts: the investigator's
 * override when given, the computed RECIST response otherwise.
 */
export function mapRs(subject: SdtmSubject): SdtmRow[] {
  const { patient } = subject;
  const rows: SdtmRow[] = [];
  for (const record of recordsOf(subject, "tumour-assessment")) {
    const data = obj(record.data);
    const date = str(data.assessmentDate);
    const category = `RECIST ${str(record.computed.recistVersion) ?? "1.0"}`;
    const add = (code: string, name: string, result: string | null) => {
      if (result === null) return;
      rows.push({
        ...identifiers("RS", patient),
        RSTESTCD: code,
        RSTEST: name,
        RSCAT: category,
        RSORRES: result,
        RSSTRESC: result,
        RSEVAL: "INVESTIGATOR",
        VISIT: visitName(record.visitKey),
        RSDTC: date,
        RSDY: studyDay(date, patient.enrollmentDate),
      });
    };
    add("TRGRESP", "Target Response", str(record.computed.targetResponse));
    add("NTRGRESP", "Non-target Response", NON_TARGET_RESULT[str(data.nonTargetStatus) ?? ""] ?? null);
    add(
      "NEWLIND",
      "New Lesion Indicator",
      str(data.newLesions) === "yes" ? "Y" : str(data.newLesions) === "no" ? "N" : null,
    );
    add("OVRLRESP", "Overall Response", str(record.computed.response));
  }
  return numberRows("RS", rows);
}
