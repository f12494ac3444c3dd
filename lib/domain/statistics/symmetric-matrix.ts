// Generalized Cholesky (C = F D F', F unit lower triangular) that zeroes the pivot of a
// redundant column instead of failing, giving a generalized inverse for singular matrices;
// the same decomposition R's survival package uses for coxph and survdiff.
// Therneau TM. survival package (R), src/cholesky2.c, chsolve2.c, chinv2.c (v3.5).

/** A dense square matrix stored row by row (row-major), n x n. */
export interface SquareMatrix {
  size: number;
  values: Float64Array;
}

/** A zero-filled n x n matrix. */
export function createSquareMatrix(size: number): SquareMatrix {
  return { size, values: new Float64Array(size * size) };
}

function read(values: Float64Array, index: number): number {
  return values[index] ?? 0;
}

/** R's coxph.control()$toler.chol: .Machine$double.eps^0.75. */
export const CHOLESKY_TOLERANCE = Math.pow(Number.EPSILON, 0.75);

/**
 * Factorizes a symmetric non-negative definite matrix (only its upper triangle is read).
 * Returns the factor (a copy: D on the diagonal, F below it) and the rank; pivots below
 * tolerance × largest diagonal are set to 0 (that column is treated as redundant).
 */
export function factorizeCholesky(
  matrix: SquareMatrix,
  tolerance = CHOLESKY_TOLERANCE,
): { factor: SquareMatrix; rank: number } {
  const n = matrix.size;
  const m = new Float64Array(matrix.values);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const diagonal = read(m, i * n + i);
    if (diagonal > largest) largest = diagonal;
    for (let j = i + 1; j < n; j++) m[j * n + i] = read(m, i * n + j);
  }
  const factor = { size: n, values: m };
  if (largest === 0) {
    for (let i = 0; i < n; i++) m[i * n + i] = 0;
    return { factor, rank: 0 };
  }
  const eps = largest * tolerance;
  let rank = 0;
  for (let i = 0; i < n; i++) {
    const pivot = read(m, i * n + i);
    if (!Number.isFinite(pivot) || pivot < eps) {
      m[i * n + i] = 0;
      continue;
    }
    rank++;
    for (let j = i + 1; j < n; j++) {
      const temp = read(m, j * n + i) / pivot;
      m[j * n + i] = temp;
      m[j * n + j] = read(m, j * n + j) - temp * temp * pivot;
      for (let k = j + 1; k < n; k++) m[k * n + j] = read(m, k * n + j) - temp * read(m, k * n + i);
    }
  }
  return { factor, rank };
}

/** Solves C b = y from the factor of C; components on a zeroed pivot come out as 0. */
export function solveCholesky(factor: SquareMatrix, y: readonly number[]): number[] {
  const n = factor.size;
  const m = factor.values;
  const b = Array.from({ length: n }, (_, i) => y[i] ?? 0);
  for (let i = 0; i < n; i++) {
    let temp = b[i] ?? 0;
    for (let j = 0; j < i; j++) temp -= (b[j] ?? 0) * read(m, i * n + j);
    b[i] = temp;
  }
  for (let i = n - 1; i >= 0; i--) {
    const diagonal = read(m, i * n + i);
    if (diagonal === 0) {
      b[i] = 0;
      continue;
    }
    let temp = (b[i] ?? 0) / diagonal;
    for (let j = i + 1; j < n; j++) temp -= (b[j] ?? 0) * read(m, j * n + i);
    b[i] = temp;
  }
  return b;
}

/**
 * (Generalized) inverse of C from its factor: rows and columns of redundant columns are 0.
 * Solving for each unit vector costs O(n^3), nothing for the 1-5 covariates used here.
 */
export function invertCholesky(factor: SquareMatrix): SquareMatrix {
  const n = factor.size;
  const inverse = createSquareMatrix(n);
  for (let column = 0; column < n; column++) {
    const unit = Array.from({ length: n }, (_, i) => (i === column ? 1 : 0));
    const solved = solveCholesky(factor, unit);
    for (let row = 0; row < n; row++) inverse.values[row * n + column] = solved[row] ?? 0;
  }
  return inverse;
}

/** Quadratic form x' A⁻ x via the factor of A (a chi-square statistic when A is a covariance). */
export function computeQuadraticFormInverse(factor: SquareMatrix, x: readonly number[]): number {
  const solved = solveCholesky(factor, x);
  return solved.reduce((sum, value, i) => sum + value * (x[i] ?? 0), 0);
}

/** Element (row, column) of a square matrix. */
export function getMatrixElement(matrix: SquareMatrix, row: number, column: number): number {
  return read(matrix.values, row * matrix.size + column);
}
