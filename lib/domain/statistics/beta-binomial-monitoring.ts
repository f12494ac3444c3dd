import { CalcInputError } from "../calc-command";
import { computeRegularizedBeta } from "./incomplete-beta";

// Continuous Bayesian toxicity monitoring with a beta-binomial model: with a Beta(a, b) prior on
// the toxicity rate and x toxicities in n patients, the posterior is Beta(a + x, b + n − x);
// stop when P(rate > θ | data) > c. Thall PF, Simon R, Estey EH. Stat Med 1995;14:357-379.

export interface ToxicityRule {
  /** Toxicity rate that is unacceptable, 0 < θ < 1. */
  theta: number;
  /** Posterior probability above which the trial stops, 0 < c < 1. */
  threshold: number;
  /** Beta prior; a = b = 1 is uniform. */
  priorA: number;
  priorB: number;
}

export interface ToxicityCheck {
  patients: number;
  toxicities: number;
  /** P(toxicity rate > θ | x of n), under the posterior Beta(a + x, b + n − x). */
  probability: number;
  crossed: boolean;
}

function checkRule(rule: ToxicityRule): void {
  if (!(rule.theta > 0 && rule.theta < 1))
    throw new CalcInputError(`theta must be between 0 and 1 (exclusive), got ${rule.theta}`, "theta");
  if (!(rule.threshold > 0 && rule.threshold < 1))
    throw new CalcInputError(`threshold must be between 0 and 1 (exclusive), got ${rule.threshold}`, "threshold");
  for (const [field, value] of [
    ["priorA", rule.priorA],
    ["priorB", rule.priorB],
  ] as const) {
    if (!(value > 0) || !Number.isFinite(value))
      throw new CalcInputError(`${field} must be a finite number > 0, got ${value}`, field);
  }
}

function checkCounts(toxicities: number, patients: number): void {
  if (!Number.isInteger(patients) || patients < 0)
    throw new CalcInputError(`patients must be a whole number >= 0, got ${patients}`, "patients");
  if (!Number.isInteger(toxicities) || toxicities < 0 || toxicities > patients) {
    throw new CalcInputError(
      `toxicities must be a whole number from 0 to patients (${patients}), got ${toxicities}`,
      "toxicities",
    );
  }
}

/** P(rate > θ | x toxicities in n patients) = 1 − I_θ(a + x, b + n − x). */
export function computeToxicityPosterior(rule: ToxicityRule, toxicities: number, patients: number): number {
  checkRule(rule);
  checkCounts(toxicities, patients);
  return 1 - computeRegularizedBeta(rule.theta, rule.priorA + toxicities, rule.priorB + patients - toxicities);
}

/** Where x toxicities in n patients stand against the rule; crossed when the probability exceeds c. */
export function checkToxicityBoundary(rule: ToxicityRule, toxicities: number, patients: number): ToxicityCheck {
  const probability = computeToxicityPosterior(rule, toxicities, patients);
  return { patients, toxicities, probability, crossed: probability > rule.threshold };
}

/**
 * The smallest number of toxicities that stops the trial after n patients, or null when even n
 * toxicities in n patients would not. The posterior probability rises with x (Beta(a + x, b + n − x)
 * moves up with x), so the boundary is found by halving [0, n]: ~17 posteriors at 100,000 patients,
 * where scanning x from 0 took ~30,000 (0.7 s of the monitor's page: BENCHMARKS.md, session 10).
 */
export function findToxicityBoundary(rule: ToxicityRule, patients: number): number | null {
  checkRule(rule);
  checkCounts(0, patients);
  const stops = (x: number) => computeToxicityPosterior(rule, x, patients) > rule.threshold;
  if (!stops(patients)) return null;
  let low = 0;
  let high = patients;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (stops(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The first x from `from` up to n whose posterior exceeds c; null when none does. */
function scanForBoundary(rule: ToxicityRule, patients: number, from: number): number | null {
  for (let x = from; x <= patients; x++) if (computeToxicityPosterior(rule, x, patients) > rule.threshold) return x;
  return null;
}

export interface ToxicityBoundaryRow {
  patients: number;
  /** Stop when this many or more patients had a toxicity; null: no count stops yet. */
  stopAt: number | null;
}

/** The longest boundary table computed: a protocol prints a few dozen rows, not thousands. */
export const MAX_BOUNDARY_TABLE_PATIENTS = 1000;

/**
 * How many rows the monitor's table shows: the planned sample size, or more once more patients
 * are enrolled, never beyond MAX_BOUNDARY_TABLE_PATIENTS (a trial far past its plan, e.g. a
 * generated 10,000-patient one, still gets its table, and its own row is computed apart).
 */
export function boundaryTableLength(plannedPatients: number, enrolledPatients: number): number {
  return Math.min(Math.max(plannedPatients, enrolledPatients, 1), MAX_BOUNDARY_TABLE_PATIENTS);
}

/** The boundary for 1..maxPatients patients: the table a protocol prints. */
export function tabulateToxicityBoundary(rule: ToxicityRule, maxPatients: number): ToxicityBoundaryRow[] {
  if (!Number.isInteger(maxPatients) || maxPatients < 1 || maxPatients > MAX_BOUNDARY_TABLE_PATIENTS)
    throw new CalcInputError(
      `maxPatients must be a whole number from 1 to ${MAX_BOUNDARY_TABLE_PATIENTS}, got ${maxPatients}`,
      "maxPatients",
    );
  checkRule(rule);
  // One more patient without a toxicity lowers the posterior at every x (Beta(a + x, b + n + 1 − x) lies
  // below Beta(a + x, b + n − x)), so the boundary never falls: each row's scan starts at the previous
  // row's boundary (n + 1 after a row with none) instead of 0. At 1,000 rows that is ~2,000 posteriors,
  // not ~150,000 (the monitor's page computed it on every request).
  const rows: ToxicityBoundaryRow[] = [];
  let from = 0;
  for (let patients = 1; patients <= maxPatients; patients++) {
    const stopAt = scanForBoundary(rule, patients, from);
    rows.push({ patients, stopAt });
    from = stopAt ?? patients + 1;
  }
  return rows;
}
