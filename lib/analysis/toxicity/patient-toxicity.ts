import { compareText } from "@/lib/analysis/compare-text";
import type { WorstGradeCount } from "./worst-grade-table";

/**
 * One patient's toxicity in brief, as the toxicity dashboard counts it without filters: kept per
 * patient in the process (lib/data/toxicity-store.ts), so a request after a save sums 100,000
 * small records instead of PostgreSQL aggregating every adverse event and lab result again.
 */
export interface PatientToxicity {
  patientId: string;
  siteId: string;
  /** Enrolled (day 1 given): only enrolled patients enter the worst-grade table and its denominator. */
  enrolled: boolean;
  adverseEvents: number;
  seriousAdverseEvents: number;
  /** Site wall-clock awareness times of the SAEs whose report clock still runs (lib/data/toxicity-aggregates.ts). */
  openSaeAwareTimes: string[];
  labResultsGrade3Plus: number;
  /** Per CTCAE term, the worst grade of the treatment-emergent events (onset on or after day 1; ICH E9). */
  worst: { term: string; soc: string | null; grade: number | null }[];
}

/** The toxicity dashboard's counts (lib/data/toxicity-aggregates.ts counts them in SQL, summarizePatientToxicity from kept patients). */
export interface ToxicityTotals {
  adverseEvents: number;
  patientsWithEvents: number;
  /** Of the adverse events, the serious ones (a seriousness left unanswered is not serious). */
  seriousAdverseEvents: number;
  /**
   * When the site became aware of each SAE whose 24-hour report clock still runs (no report
   * recorded, an awareness time given), site wall-clock yyyy-mm-ddThh:mm: the only SAEs whose
   * clock can read overdue (lib/analysis/toxicity/sae-clock.ts; a recorded report stops it,
   * no awareness time means no deadline). The caller classifies them at the request's time.
   */
  openSaeAwareTimes: string[];
  labResultsGrade3Plus: number;
  enrolledPatients: number;
}

/**
 * The dashboard's totals and worst-grade counts over the given patients: what
 * countToxicities and loadWorstGradeCounts (lib/data/toxicity-aggregates.ts) count in SQL with
 * no filter, which lib/data/toxicity-store.integration.test.ts holds them to.
 */
export function summarizePatientToxicity(patients: readonly PatientToxicity[]): {
  totals: ToxicityTotals;
  worst: WorstGradeCount[];
} {
  const totals: ToxicityTotals = {
    adverseEvents: 0,
    patientsWithEvents: 0,
    seriousAdverseEvents: 0,
    openSaeAwareTimes: [],
    labResultsGrade3Plus: 0,
    enrolledPatients: 0,
  };
  const byTerm = new Map<string, { soc: string | null; grades: Map<number, number> }>();
  const overall = new Map<number, number>();
  for (const p of patients) {
    totals.adverseEvents += p.adverseEvents;
    if (p.adverseEvents > 0) totals.patientsWithEvents++;
    totals.seriousAdverseEvents += p.seriousAdverseEvents;
    for (const time of p.openSaeAwareTimes) totals.openSaeAwareTimes.push(time);
    totals.labResultsGrade3Plus += p.labResultsGrade3Plus;
    if (!p.enrolled) continue;
    totals.enrolledPatients++;
    let patientWorst: number | null = null;
    for (const { term, soc, grade } of p.worst) {
      let entry = byTerm.get(term);
      if (!entry) byTerm.set(term, (entry = { soc, grades: new Map() }));
      else if (soc !== null && (entry.soc === null || compareText(soc, entry.soc) < 0)) entry.soc = soc;
      if (grade === null) continue;
      entry.grades.set(grade, (entry.grades.get(grade) ?? 0) + 1);
      if (patientWorst === null || grade > patientWorst) patientWorst = grade;
    }
    if (patientWorst !== null) overall.set(patientWorst, (overall.get(patientWorst) ?? 0) + 1);
  }
  const worst: WorstGradeCount[] = [];
  for (const [term, { soc, grades }] of byTerm)
    for (const [grade, patientCount] of grades) worst.push({ term, soc, grade, patients: patientCount });
  for (const [grade, patientCount] of overall) worst.push({ term: null, soc: null, grade, patients: patientCount });
  return { totals, worst };
}
