import { CalcInputError } from "../calc-command";

// Simon's two-stage designs for single-arm phase II trials, found by exact binomial enumeration.
// Simon R. Optimal two-stage designs for phase II clinical trials. Control Clin Trials 1989;10:1-10.

/** Response rates and error rates of the design; nMax bounds the search (default 100, as R clinfun::ph2simon). */
export interface SimonInput {
  /** Uninteresting response rate (H0). */
  p0: number;
  /** Promising response rate (H1), p1 > p0. */
  p1: number;
  /** One-sided type I error, e.g. 0.05. */
  alpha: number;
  /** Type II error, e.g. 0.20 (power 0.80). */
  beta: number;
  nMax?: number;
}

/**
 * Stop after n1 patients when responses <= r1; after n patients the treatment is rejected
 * when total responses <= r. alpha and power are the exact attained values; en0 is the
 * expected sample size and pet0 the probability of early termination, both under p0.
 */
export interface SimonDesign {
  r1: number;
  n1: number;
  r: number;
  n: number;
  en0: number;
  pet0: number;
  alpha: number;
  power: number;
}

export interface SimonDesigns {
  optimal: SimonDesign;
  minimax: SimonDesign;
}

export const DEFAULT_SIMON_N_MAX = 100;
const N_MAX_LIMIT = 200;
// The constraints are compared with this slack so that a design exactly at alpha or power is not lost to rounding.
const SLACK = 1e-12;

/** pmf[m][x] = P(Bin(m, p) = x) and upper[m][k] = P(Bin(m, p) >= k) for m <= nMax, k in 0..m+1. */
interface BinomialTables {
  pmf: Float64Array[];
  upper: Float64Array[];
}

function tabulateBinomial(p: number, nMax: number): BinomialTables {
  const pmf: Float64Array[] = [Float64Array.of(1)];
  for (let m = 1; m <= nMax; m++) {
    // Pascal's recursion P(Bin(m) = x) = p P(Bin(m-1) = x-1) + (1-p) P(Bin(m-1) = x): stable, no factorials.
    const previous = pmf[m - 1]!;
    const row = new Float64Array(m + 1);
    for (let x = 0; x <= m; x++) row[x] = (x > 0 ? p * previous[x - 1]! : 0) + (x < m ? (1 - p) * previous[x]! : 0);
    pmf.push(row);
  }
  const upper = pmf.map((row) => {
    const tail = new Float64Array(row.length + 1);
    for (let k = row.length - 1; k >= 0; k--) tail[k] = tail[k + 1]! + row[k]!;
    return tail;
  });
  return { pmf, upper };
}

/** P(Bin(m) >= k), with k <= 0 certain and k > m impossible. */
function upperTail(tables: BinomialTables, m: number, k: number): number {
  if (k <= 0) return 1;
  if (k > m) return 0;
  return tables.upper[m]![k]!;
}

/** P(X1 > r1 and X1 + X2 > r): the probability of declaring the treatment promising. */
function probabilityPromising(tables: BinomialTables, n1: number, r1: number, n: number, r: number): number {
  const n2 = n - n1;
  const stage1 = tables.pmf[n1]!;
  let total = 0;
  for (let x1 = r1 + 1; x1 <= n1; x1++) total += stage1[x1]! * upperTail(tables, n2, r + 1 - x1);
  return total;
}

function checkInput(input: SimonInput): number {
  const { p0, p1, alpha, beta } = input;
  const rate = (value: number, field: string) => {
    if (!(value > 0 && value < 1))
      throw new CalcInputError(`${field} must be between 0 and 1 (exclusive), got ${value}`, field);
  };
  rate(p0, "p0");
  rate(p1, "p1");
  rate(alpha, "alpha");
  rate(beta, "beta");
  if (!(p1 > p0)) throw new CalcInputError(`p1 must be greater than p0 (got p0 = ${p0}, p1 = ${p1})`, "p1");
  const nMax = input.nMax ?? DEFAULT_SIMON_N_MAX;
  if (!Number.isInteger(nMax) || nMax < 2 || nMax > N_MAX_LIMIT)
    throw new CalcInputError(`nMax must be a whole number from 2 to ${N_MAX_LIMIT}, got ${nMax}`, "nMax");
  return nMax;
}

/** A design is better for "optimal" when its EN0 is smaller; for "minimax" when n is smaller, then EN0. */
function isBetter(
  candidate: { n: number; en0: number },
  best: SimonDesign | null,
  criterion: "optimal" | "minimax",
): boolean {
  if (!best) return true;
  if (criterion === "minimax" && candidate.n !== best.n) return candidate.n < best.n;
  return candidate.en0 < best.en0 - SLACK;
}

/**
 * The optimal (smallest EN0) and minimax (smallest n, then smallest EN0) two-stage designs with
 * exact type I error <= alpha under p0 and power >= 1 - beta under p1, for n <= nMax.
 *
 * For fixed n, n1 and r1 both error rates fall as r rises, so only the smallest r whose alpha
 * is within bounds can be the best feasible design; and that r does not rise when r1 does.
 * One pass over r1 with a falling pointer on r therefore covers every (r1, r) pair.
 * Throws CalcInputError when no design with n <= nMax meets the constraints.
 */
export function findSimonDesigns(input: SimonInput): SimonDesigns {
  const nMax = checkInput(input);
  const h0 = tabulateBinomial(input.p0, nMax);
  const h1 = tabulateBinomial(input.p1, nMax);
  const targetPower = 1 - input.beta;
  let optimal: SimonDesign | null = null;
  let minimax: SimonDesign | null = null;

  for (let n = 2; n <= nMax; n++) {
    for (let n1 = 1; n1 < n; n1++) {
      let r = n; // alpha(r = n) = 0: always within bounds
      for (let r1 = 0; r1 < n1; r1++) {
        if (r < r1) r = r1;
        while (r > r1 && probabilityPromising(h0, n1, r1, n, r - 1) <= input.alpha + SLACK) r--;
        const pet0 = 1 - upperTail(h0, n1, r1 + 1);
        const en0 = n1 + (1 - pet0) * (n - n1);
        const wantedOptimal = isBetter({ n, en0 }, optimal, "optimal");
        const wantedMinimax = isBetter({ n, en0 }, minimax, "minimax");
        if (!wantedOptimal && !wantedMinimax) continue;
        const power = probabilityPromising(h1, n1, r1, n, r);
        if (power < targetPower - SLACK) continue;
        const design: SimonDesign = { r1, n1, r, n, en0, pet0, alpha: probabilityPromising(h0, n1, r1, n, r), power };
        if (wantedOptimal) optimal = design;
        if (wantedMinimax) minimax = design;
      }
    }
  }
  if (!optimal || !minimax) {
    throw new CalcInputError(
      `No two-stage design with n <= ${nMax} reaches power ${targetPower} at alpha ${input.alpha}: raise nMax or relax the error rates`,
      "nMax",
    );
  }
  return { optimal, minimax };
}

/** The attained error rates, EN0 and PET0 of a given design (e.g. one chosen from a protocol). */
export function describeSimonDesign(
  design: { r1: number; n1: number; r: number; n: number },
  rates: { p0: number; p1: number },
): SimonDesign {
  const { r1, n1, r, n } = design;
  if (!(Number.isInteger(n1) && Number.isInteger(n) && n1 >= 1 && n > n1))
    throw new CalcInputError("need whole numbers with 1 <= n1 < n", "n1");
  if (!(Number.isInteger(r1) && Number.isInteger(r) && r1 >= 0 && r1 < n1 && r >= r1 && r < n))
    throw new CalcInputError("need whole numbers with 0 <= r1 < n1 and r1 <= r < n", "r");
  const h0 = tabulateBinomial(rates.p0, n);
  const h1 = tabulateBinomial(rates.p1, n);
  const pet0 = 1 - upperTail(h0, n1, r1 + 1);
  return {
    r1,
    n1,
    r,
    n,
    en0: n1 + (1 - pet0) * (n - n1),
    pet0,
    alpha: probabilityPromising(h0, n1, r1, n, r),
    power: probabilityPromising(h1, n1, r1, n, r),
  };
}
