import type { Algebra } from './algebra.ts';

/**
 * The products of linear algebra over any scalar algebra, on the flat row-by-row storage of
 * `compile.ts`. Each takes the dimensions it cannot read from the lengths of its operands.
 */
export interface LinearAlgebra<T> {
  /** Column × row: the m×n matrix of every product a_i b_j. */
  readonly outer: (a: readonly T[], b: readonly T[]) => T[];
  /** (r×k)(k×c), given r. */
  readonly matmul: (a: readonly T[], b: readonly T[], rows: number) => T[];
  /** An m×n matrix times a column of n. */
  readonly matvec: (m: readonly T[], v: readonly T[]) => T[];
  /** A row of m times an m×n matrix. */
  readonly vecmat: (v: readonly T[], m: readonly T[]) => T[];
  readonly transpose: (m: readonly T[], rows: number) => T[];
  /** The square matrix with `v` on its diagonal. */
  readonly diag: (v: readonly T[]) => T[];
}

const cache = new WeakMap<object, unknown>();

export function linearAlgebra<T>(alg: Algebra<T>): LinearAlgebra<T> {
  const cached = cache.get(alg) as LinearAlgebra<T> | undefined;
  if (cached !== undefined) return cached;
  const zero = alg.constant(0);
  /** Σ_k a[aStart + k·aStep] b[bStart + k·bStep] over k < count. */
  const strided = (
    a: readonly T[],
    aStart: number,
    aStep: number,
    b: readonly T[],
    bStart: number,
    bStep: number,
    count: number,
  ): T => {
    let acc = zero;
    for (let k = 0; k < count; k++)
      acc = alg.add(acc, alg.mul(a[aStart + k * aStep] as T, b[bStart + k * bStep] as T));
    return acc;
  };
  const matmul = (a: readonly T[], b: readonly T[], rows: number): T[] => {
    const inner = rows === 0 ? 0 : a.length / rows;
    const cols = inner === 0 ? 0 : b.length / inner;
    const out: T[] = [];
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) out.push(strided(a, i * inner, 1, b, j, cols, inner));
    return out;
  };
  const linear: LinearAlgebra<T> = {
    outer: (a, b) => a.flatMap((x) => b.map((y) => alg.mul(x, y))),
    matmul,
    matvec: (m, v) => matmul(m, v, v.length === 0 ? 0 : m.length / v.length),
    vecmat: (v, m) => matmul(v, m, 1),
    transpose: (m, rows) => {
      const cols = rows === 0 ? 0 : m.length / rows;
      const out: T[] = [];
      for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) out.push(m[i * cols + j] as T);
      return out;
    },
    diag: (v) => v.flatMap((x, i) => v.map((_, j) => (i === j ? x : zero))),
  };
  cache.set(alg, linear);
  return linear;
}
