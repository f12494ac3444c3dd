import { describe, expect, it } from "vitest";
import {
  computeQuadraticFormInverse,
  factorizeCholesky,
  getMatrixElement,
  invertCholesky,
  solveCholesky,
  type SquareMatrix,
} from "./symmetric-matrix";

function matrixOf(rows: number[][]): SquareMatrix {
  return { size: rows.length, values: Float64Array.from(rows.flat()) };
}

describe("generalized Cholesky", () => {
  const spd = matrixOf([
    [4, 2, 0.6],
    [2, 5, 1],
    [0.6, 1, 3],
  ]);

  it("solves a positive definite system exactly", () => {
    const { factor, rank } = factorizeCholesky(spd);
    expect(rank).toBe(3);
    const b = solveCholesky(factor, [1, 2, 3]);
    // A b should give back the right-hand side
    [1, 2, 3].forEach((rhs, i) => {
      const row = [0, 1, 2].reduce((sum, j) => sum + getMatrixElement(spd, i, j) * (b[j] ?? 0), 0);
      expect(row).toBeCloseTo(rhs, 13);
    });
  });

  it("inverts: A A⁻¹ = I", () => {
    const inverse = invertCholesky(factorizeCholesky(spd).factor);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const cell = [0, 1, 2].reduce(
          (sum, k) => sum + getMatrixElement(spd, i, k) * getMatrixElement(inverse, k, j),
          0,
        );
        expect(cell).toBeCloseTo(i === j ? 1 : 0, 13);
      }
    }
  });

  it("zeroes a redundant column instead of failing (generalized inverse)", () => {
    // third column = first + second: rank 2
    const singular = matrixOf([
      [2, 1, 3],
      [1, 2, 3],
      [3, 3, 6],
    ]);
    const { factor, rank } = factorizeCholesky(singular);
    expect(rank).toBe(2);
    expect(getMatrixElement(factor, 2, 2)).toBe(0);
    const inverse = invertCholesky(factor);
    expect(getMatrixElement(inverse, 2, 2)).toBe(0);
    // the leading 2x2 block is the ordinary inverse of [[2,1],[1,2]] = [[2,-1],[-1,2]]/3
    expect(getMatrixElement(inverse, 0, 0)).toBeCloseTo(2 / 3, 14);
    expect(getMatrixElement(inverse, 0, 1)).toBeCloseTo(-1 / 3, 14);
  });

  it("computes x' A⁻¹ x and handles the zero matrix", () => {
    const diagonal = matrixOf([
      [2, 0],
      [0, 8],
    ]);
    expect(computeQuadraticFormInverse(factorizeCholesky(diagonal).factor, [2, 4])).toBeCloseTo(2 + 2, 14);
    expect(factorizeCholesky(matrixOf([[0]])).rank).toBe(0);
  });
});
