import { scheduleEndDate, type ScheduleEndEvents } from "@/lib/domain/schedule/schedule-end";
import { listVisitFormStates } from "@/lib/domain/schedule/visit-form-states";
import type { ScheduleConfig } from "@/lib/domain/schedule/visit-schedule";

/**
 * The record status grid (REDCap's Record Status Dashboard, Rave's subject matrix): one row per
 * patient, one column per form once (screening, baseline, end of study) and per visit and form
 * of the schedule, one state per cell. The schedule is the one the data-quality page and the
 * patient timeline use, so "overdue" means the same everywhere.
 */
export type CellState =
  "empty" | "in-progress" | "complete" | "signed" | "verified" | "locked" | "overdue" | "open-query";

/** Strongest first: a cell shows the first that applies (an open query needs action before anything else). */
export const CELL_STATES: readonly { state: CellState; symbol: string; label: string }[] = [
  { state: "locked", symbol: "L", label: "Locked for analysis" },
  { state: "open-query", symbol: "?", label: "Open query" },
  { state: "verified", symbol: "V", label: "Source-verified" },
  { state: "signed", symbol: "S", label: "Signed" },
  { state: "complete", symbol: "C", label: "Complete, not signed" },
  { state: "in-progress", symbol: "…", label: "In progress" },
  { state: "overdue", symbol: "!", label: "Overdue (past the visit window)" },
  { state: "empty", symbol: "·", label: "Not entered yet" },
];

export interface GridRecord {
  id: string;
  formType: string;
  visitKey: string | null;
  status: "IN_PROGRESS" | "COMPLETE";
  signed: boolean;
  verified: boolean;
  openQueries: number;
}

export interface GridPatient {
  id: string;
  subjectId: string;
  siteCode: string;
  enrollmentDate: string | null;
  locked: boolean;
  scheduleEnd: ScheduleEndEvents | null;
  records: readonly GridRecord[];
}

export interface GridColumn {
  key: string;
  formType: string;
  /** Null for the forms filled once (screening, baseline, end of study). */
  visitKey: string | null;
  visitLabel: string | null;
}

export interface GridCell {
  state: CellState;
  recordId: string | null;
  /** The visit to open a form not entered yet at. */
  visitKey: string | null;
}

export interface GridRow {
  patientId: string;
  subjectId: string;
  siteCode: string;
  cells: Record<string, GridCell>;
}

export function recordCellState(record: GridRecord, locked: boolean): CellState {
  if (locked) return "locked";
  if (record.openQueries > 0) return "open-query";
  if (record.verified) return "verified";
  if (record.signed) return "signed";
  return record.status === "COMPLETE" ? "complete" : "in-progress";
}

/**
 * Rows and columns for one page of patients. Columns are the once-only forms, then every visit
 * any patient of the page has reached, in schedule order; a patient who has not reached a
 * visit has no cell there.
 */
export function buildRecordStatusGrid(
  patients: readonly GridPatient[],
  onceForms: readonly { formType: string; visitKey: string | null }[],
  today: string,
  schedule: ScheduleConfig,
): { columns: GridColumn[]; rows: GridRow[] } {
  const visitColumns = new Map<string, GridColumn & { order: number }>();
  const rows = patients.map((patient) => {
    const cells: Record<string, GridCell> = {};
    for (const { formType, visitKey } of onceForms) {
      const record = patient.records.find((r) => r.formType === formType && r.visitKey === visitKey);
      cells[formType] = record
        ? { state: recordCellState(record, patient.locked), recordId: record.id, visitKey }
        : { state: "empty", recordId: null, visitKey };
    }
    if (patient.enrollmentDate) {
      const visits = listVisitFormStates(
        patient.enrollmentDate,
        scheduleEndDate(today, patient.scheduleEnd),
        patient.records,
        schedule,
      );
      visits.forEach((visit, order) => {
        for (const form of visit.formStates) {
          const key = `${visit.key}:${form.formType}`;
          if (!visitColumns.has(key))
            visitColumns.set(key, {
              key,
              formType: form.formType,
              visitKey: visit.key,
              visitLabel: visit.label,
              order: order * 100 + schedule.visitForms.concat(schedule.imagingForms).indexOf(form.formType),
            });
          cells[key] = form.record
            ? { state: recordCellState(form.record, patient.locked), recordId: form.record.id, visitKey: visit.key }
            : { state: form.state === "overdue" ? "overdue" : "empty", recordId: null, visitKey: visit.key };
        }
      });
    }
    return { patientId: patient.id, subjectId: patient.subjectId, siteCode: patient.siteCode, cells };
  });
  const columns: GridColumn[] = [
    ...onceForms.map(({ formType }) => ({ key: formType, formType, visitKey: null, visitLabel: null })),
    ...[...visitColumns.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...column }) => column),
  ];
  return { columns, rows };
}
