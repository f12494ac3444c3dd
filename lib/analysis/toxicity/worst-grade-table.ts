/**
 * The safety table of a trial report: per CTCAE term, the number and percentage of patients
 * by the worst grade they had of that term (each patient counted once per term, at their
 * worst grade; "any" = patients with the term at any grade). CTCAE v5.0 grades 1-5; the
 * columns follow the usual phase II report layout (grade 1-2, 3, 4, 5).
 */
export interface GradedEvent {
  patientId: string;
  term: string;
  soc: string | null;
  grade: number;
}

export interface PatientCount {
  n: number;
  /** Percentage of the denominator, one decimal; null when the denominator is 0. */
  percent: number | null;
}

export interface WorstGradeRow {
  term: string;
  soc: string | null;
  grade1to2: PatientCount;
  grade3: PatientCount;
  grade4: PatientCount;
  grade5: PatientCount;
  any: PatientCount;
}

export interface WorstGradeTable {
  /** The patients percentages are of. */
  denominator: number;
  /** Patients with any adverse event, by their worst grade over all terms. */
  anyEvent: WorstGradeRow;
  /** One row per term, most frequent first (then by term). */
  rows: WorstGradeRow[];
}

const ANY_EVENT = "Any adverse event";

export function percentOf(n: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((n / denominator) * 1000) / 10 : null;
}

function rowFrom(
  term: string,
  soc: string | null,
  worstByPatient: Map<string, number>,
  denominator: number,
): WorstGradeRow {
  const grades = [...worstByPatient.values()];
  const count = (keep: (grade: number) => boolean): PatientCount => {
    const n = grades.filter(keep).length;
    return { n, percent: percentOf(n, denominator) };
  };
  return {
    term,
    soc,
    grade1to2: count((g) => g <= 2),
    grade3: count((g) => g === 3),
    grade4: count((g) => g === 4),
    grade5: count((g) => g === 5),
    any: count(() => true),
  };
}

function keepWorst(map: Map<string, number>, patientId: string, grade: number) {
  map.set(patientId, Math.max(map.get(patientId) ?? 0, grade));
}

/**
 * Tabulates events of the denominator's patients only: an event of anyone else (not
 * enrolled, another site) would count a patient the percentages are not of.
 */
export function tabulateWorstGrade(
  events: readonly GradedEvent[],
  denominatorPatientIds: readonly string[],
): WorstGradeTable {
  const population = new Set(denominatorPatientIds);
  const denominator = population.size;
  const byTerm = new Map<string, { soc: string | null; worst: Map<string, number> }>();
  const overall = new Map<string, number>();
  for (const event of events) {
    if (!population.has(event.patientId) || event.grade < 1 || event.grade > 5) continue;
    const entry = byTerm.get(event.term) ?? { soc: event.soc, worst: new Map<string, number>() };
    byTerm.set(event.term, entry);
    keepWorst(entry.worst, event.patientId, event.grade);
    keepWorst(overall, event.patientId, event.grade);
  }
  const rows = [...byTerm.entries()]
    .map(([term, { soc, worst }]) => rowFrom(term, soc, worst, denominator))
    .sort((a, b) => b.any.n - a.any.n || a.term.localeCompare(b.term));
  return { denominator, anyEvent: rowFrom(ANY_EVENT, null, overall, denominator), rows };
}

/**
 * Treatment-emergent: onset on or after day 1 of treatment (ICH E9 glossary; the trial's
 * enrollment date is day 1). Events between consent and day 1 are baseline signs.
 */
export function isTreatmentEmergent(onsetDate: string, enrollmentDate: string | null): boolean {
  return enrollmentDate !== null && onsetDate >= enrollmentDate;
}
