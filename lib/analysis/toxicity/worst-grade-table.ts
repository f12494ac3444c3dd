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

/** How many patients had each worst grade (1-5): the whole of what a row is made from. */
export type WorstGradeHistogram = ReadonlyMap<number, number>;

function rowFrom(term: string, soc: string | null, histogram: WorstGradeHistogram, denominator: number): WorstGradeRow {
  const count = (keep: (grade: number) => boolean): PatientCount => {
    let n = 0;
    for (const [grade, patients] of histogram) if (keep(grade)) n += patients;
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

function histogramOf(worstByPatient: Map<string, number>): Map<number, number> {
  const histogram = new Map<number, number>();
  for (const grade of worstByPatient.values()) histogram.set(grade, (histogram.get(grade) ?? 0) + 1);
  return histogram;
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
  const byTerm = new Map<string, { soc: string | null; worst: Map<string, number> }>();
  const overall = new Map<string, number>();
  for (const event of events) {
    if (!population.has(event.patientId) || event.grade < 1 || event.grade > 5) continue;
    const entry = byTerm.get(event.term) ?? { soc: event.soc, worst: new Map<string, number>() };
    byTerm.set(event.term, entry);
    keepWorst(entry.worst, event.patientId, event.grade);
    keepWorst(overall, event.patientId, event.grade);
  }
  return tableFrom(
    [...byTerm.entries()].map(([term, { soc, worst }]) => ({ term, soc, histogram: histogramOf(worst) })),
    histogramOf(overall),
    population.size,
  );
}

/** Patients of one term (or of any term: term null) whose worst grade was `grade`, as a database counts them. */
export interface WorstGradeCount {
  term: string | null;
  soc: string | null;
  grade: number;
  patients: number;
}

/**
 * The same table from counts already made per term and worst grade (lib/data/toxicity-aggregates.ts
 * groups the typed adverse_events table in SQL, each patient once per term at their worst grade
 * and once overall), so a request never loads every event. Counts outside grades 1-5 are left
 * out, as tabulateWorstGrade leaves such events out.
 */
export function tabulateWorstGradeCounts(counts: readonly WorstGradeCount[], denominator: number): WorstGradeTable {
  const byTerm = new Map<string, { soc: string | null; histogram: Map<number, number> }>();
  const overall = new Map<number, number>();
  for (const count of counts) {
    if (count.grade < 1 || count.grade > 5) continue;
    if (count.term === null) {
      overall.set(count.grade, (overall.get(count.grade) ?? 0) + count.patients);
      continue;
    }
    const entry = byTerm.get(count.term) ?? { soc: count.soc, histogram: new Map<number, number>() };
    byTerm.set(count.term, entry);
    entry.histogram.set(count.grade, (entry.histogram.get(count.grade) ?? 0) + count.patients);
  }
  return tableFrom(
    [...byTerm.entries()].map(([term, entry]) => ({ term, ...entry })),
    overall,
    denominator,
  );
}

function tableFrom(
  terms: { term: string; soc: string | null; histogram: WorstGradeHistogram }[],
  overall: WorstGradeHistogram,
  denominator: number,
): WorstGradeTable {
  const rows = terms
    .map(({ term, soc, histogram }) => rowFrom(term, soc, histogram, denominator))
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
