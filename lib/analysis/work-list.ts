import { scheduleEndDate } from "@/lib/domain/schedule/schedule-end";
import { listVisitFormStates } from "@/lib/domain/schedule/visit-form-states";
import { addDays, type ScheduleConfig } from "@/lib/domain/schedule/visit-schedule";
import { compareText } from "./compare-text";
import type { QualityPatient, QualityRecord } from "./data-quality";

/**
 * The home page's "my work": what each person has to do next, one list per kind of task, each
 * item a link to the exact form (and field, for a query). Counts are computed from the same
 * rows and the same visit schedule as the data-quality page (lib/analysis/data-quality.ts),
 * so "overdue" and "to sign" here are the numbers the data-quality page shows for those sites.
 */
export type WorkKind =
  | "overdue"
  | "due-this-week"
  | "to-sign"
  | "to-verify"
  | "query-to-answer"
  | "query-to-close"
  | "open-query"
  | "sae-clock"
  | "lab-without-ae";

export interface WorkItem {
  patientId: string;
  subjectId: string;
  siteCode: string;
  formType: string;
  visitKey: string | null;
  recordId: string | null;
  fieldPath: string | null;
  /** Due date (schedule items) or the day the query was opened. */
  date: string | null;
  href: string;
  /** What to do, where the form's title alone does not say it. */
  note?: string;
}

export interface WorkList {
  kind: WorkKind;
  /** Every item, exactly; `items` holds at most `limit` of them (oldest first). */
  count: number;
  /** The count per site code (the data-quality page's rows). */
  bySite: Record<string, number>;
  items: WorkItem[];
}

export interface WorkQuery {
  id: string;
  patientId: string;
  recordId: string;
  formType: string;
  visitKey: string | null;
  fieldPath: string;
  status: "OPEN" | "ANSWERED";
  openedById: string;
  openedAt: string;
}

/** What the caller may do, as site codes per ability ("all" for every site). */
export interface WorkAbilities {
  userId: string;
  enter: SiteSet;
  sign: SiteSet;
  verify: SiteSet;
  answer: SiteSet;
  close: SiteSet;
}

export type SiteSet = "all" | ReadonlySet<string>;

const has = (set: SiteSet, siteCode: string) => set === "all" || set.has(siteCode);

export function formHref(item: {
  patientId: string;
  formType: string;
  visitKey: string | null;
  recordId: string | null;
  fieldPath?: string | null;
}): string {
  const params = new URLSearchParams();
  if (item.recordId) params.set("record", item.recordId);
  else if (item.visitKey) params.set("visit", item.visitKey);
  if (item.fieldPath) params.set("field", item.fieldPath);
  const query = params.toString();
  return `/patients/${item.patientId}/forms/${item.formType}${query ? `?${query}` : ""}`;
}

export function buildWorkLists(input: {
  patients: readonly QualityPatient[];
  records: readonly (QualityRecord & { id: string })[];
  queries: readonly WorkQuery[];
  today: string;
  schedule: ScheduleConfig;
  abilities: WorkAbilities;
  /** Items kept per list (the count is always exact). */
  limit?: number;
}): WorkList[] {
  const { patients, records, queries, today, schedule, abilities } = input;
  const limit = input.limit ?? 20;
  const patientOf = new Map(patients.map((p) => [p.id, p]));
  const recordsOf = new Map<string, (QualityRecord & { id: string })[]>();
  for (const record of records) {
    const list = recordsOf.get(record.patientId);
    if (list) list.push(record);
    else recordsOf.set(record.patientId, [record]);
  }
  const lists = new Map<WorkKind, WorkItem[]>();
  const add = (
    kind: WorkKind,
    patient: QualityPatient,
    item: Omit<WorkItem, "patientId" | "subjectId" | "siteCode" | "href">,
  ) => {
    const full = { ...item, patientId: patient.id, subjectId: patient.subjectId, siteCode: patient.siteCode };
    const list = lists.get(kind) ?? [];
    list.push({ ...full, href: formHref(full) });
    lists.set(kind, list);
  };
  const weekAhead = addDays(today, 7);

  for (const patient of patients) {
    const own = recordsOf.get(patient.id) ?? [];
    if (has(abilities.enter, patient.siteCode) && patient.enrollmentDate) {
      // The data-quality page's schedule, state for state: "overdue" is past the window.
      const visits = listVisitFormStates(
        patient.enrollmentDate,
        scheduleEndDate(today, patient.scheduleEnd),
        own,
        schedule,
      );
      for (const visit of visits) {
        for (const form of visit.formStates) {
          const base = {
            formType: form.formType,
            visitKey: visit.key,
            recordId: null,
            fieldPath: null,
            date: visit.dueDate,
          };
          if (form.state === "overdue") add("overdue", patient, base);
          else if (form.state === "empty" && visit.dueDate <= weekAhead) add("due-this-week", patient, base);
        }
      }
    }
    for (const record of own) {
      const base = {
        formType: record.formType,
        visitKey: record.visitKey,
        recordId: record.id,
        fieldPath: null,
        date: null,
      };
      if (record.status === "COMPLETE" && !record.signed && has(abilities.sign, patient.siteCode))
        add("to-sign", patient, base);
      if (record.status === "COMPLETE" && !record.verified && has(abilities.verify, patient.siteCode))
        add("to-verify", patient, base);
    }
  }
  for (const query of queries) {
    const patient = patientOf.get(query.patientId);
    if (!patient) continue;
    const base = {
      formType: query.formType,
      visitKey: query.visitKey,
      recordId: query.recordId,
      fieldPath: query.fieldPath,
      date: query.openedAt.slice(0, 10),
    };
    if (query.status === "OPEN" && has(abilities.answer, patient.siteCode)) add("query-to-answer", patient, base);
    // Only the person who opened a query may close it (lib/data/data-queries.ts).
    if (query.status === "ANSWERED" && query.openedById === abilities.userId && has(abilities.close, patient.siteCode))
      add("query-to-close", patient, base);
    if (has(abilities.close, patient.siteCode)) add("open-query", patient, base);
  }

  const order: WorkKind[] = [
    "overdue",
    "due-this-week",
    "query-to-answer",
    "to-sign",
    "query-to-close",
    "to-verify",
    "open-query",
  ];
  return order
    .filter((kind) => lists.has(kind))
    .map((kind) => {
      const items = lists
        .get(kind)!
        .sort((a, b) => compareText(a.date ?? "", b.date ?? "") || compareText(a.subjectId, b.subjectId));
      const bySite: Record<string, number> = {};
      for (const item of items) bySite[item.siteCode] = (bySite[item.siteCode] ?? 0) + 1;
      return { kind, count: items.length, bySite, items: items.slice(0, limit) };
    });
}

export const WORK_LIST_TITLES: Record<WorkKind, string> = {
  overdue: "Overdue forms",
  "due-this-week": "Forms due this week",
  "query-to-answer": "Queries awaiting your answer",
  "to-sign": "Complete forms to sign",
  "query-to-close": "Answered queries to close",
  "to-verify": "Forms to verify",
  "open-query": "Open queries",
  "sae-clock": "SAE reports with the 24-hour clock running or overdue",
  "lab-without-ae": "Grade 3 or higher lab results without an adverse event of that term",
};

interface SafetyEvent {
  recordId: string;
  patientId: string;
  subjectId: string;
  siteCode: string;
  term: string;
  serious: boolean;
  saeReportDueAt: string | null;
  saeReportedAt: string | null;
}

interface SafetyLab {
  recordId: string;
  patientId: string;
  subjectId: string;
  siteCode: string;
  visitKey: string | null;
  term: string;
  grade: number;
  sampleDate: string;
}

function toList(kind: WorkKind, items: WorkItem[], limit: number): WorkList[] {
  if (!items.length) return [];
  const bySite: Record<string, number> = {};
  for (const item of items) bySite[item.siteCode] = (bySite[item.siteCode] ?? 0) + 1;
  return [{ kind, count: items.length, bySite, items: items.slice(0, limit) }];
}

/**
 * An investigator's safety work: serious adverse events whose 24-hour report clock runs or
 * is overdue (the clock as lib/analysis/toxicity/sae-clock.ts reads it), and grade 3+ lab
 * results of a patient with no adverse event of the same CTCAE term, each linking to a new
 * adverse event prefilled with the term, grade and sample date.
 */
export function buildSafetyWorkLists(
  events: readonly SafetyEvent[],
  labs: readonly SafetyLab[],
  clockOf: (dueAt: string | null, reportedAt: string | null) => { status: string },
  limit = 20,
): WorkList[] {
  const clocks = events
    .filter((e) => e.serious && ["running", "overdue"].includes(clockOf(e.saeReportDueAt, e.saeReportedAt).status))
    .sort((a, b) => compareText(a.saeReportDueAt ?? "", b.saeReportDueAt ?? ""))
    .map((e): WorkItem => ({
      patientId: e.patientId,
      subjectId: e.subjectId,
      siteCode: e.siteCode,
      formType: "adverse-event",
      visitKey: null,
      recordId: e.recordId,
      fieldPath: null,
      date: e.saeReportDueAt?.replace("T", " ") ?? null,
      href: formHref({ patientId: e.patientId, formType: "adverse-event", visitKey: null, recordId: e.recordId }),
      note: `Report the SAE: ${e.term}`,
    }));
  const termsOf = new Map<string, Set<string>>();
  for (const e of events) termsOf.set(e.patientId, (termsOf.get(e.patientId) ?? new Set()).add(e.term.toLowerCase()));
  const unmatched = labs
    .filter((l) => l.grade >= 3 && !termsOf.get(l.patientId)?.has(l.term.toLowerCase()))
    .sort((a, b) => compareText(a.sampleDate, b.sampleDate) || compareText(a.subjectId, b.subjectId))
    .map((l): WorkItem => ({
      patientId: l.patientId,
      subjectId: l.subjectId,
      siteCode: l.siteCode,
      formType: "labs",
      visitKey: l.visitKey,
      recordId: l.recordId,
      fieldPath: null,
      date: l.sampleDate,
      href: `/patients/${l.patientId}/forms/adverse-event?${new URLSearchParams({ term: l.term, grade: String(l.grade), onset: l.sampleDate })}`,
      note: `Record an adverse event: ${l.term}, grade ${l.grade} (lab of ${l.sampleDate})`,
    }));
  return [...toList("sae-clock", clocks, limit), ...toList("lab-without-ae", unmatched, limit)];
}
