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
  const { add, mul } = alg;
  // Loops into arrays of known length, not flatMap: grading a matrix answer is mostly these
  // products, and the intermediate arrays were a tenth of its time in garbage collection.
  const matmul = (a: readonly T[], b: readonly T[], rows: number): T[] => {
    const inner = rows === 0 ? 0 : a.length / rows;
    const cols = inner === 0 ? 0 : b.length / inner;
    const out = new Array<T>(rows * cols);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        let acc = zero;
        for (let k = 0; k < inner; k++) acc = add(acc, mul(a[i * inner + k] as T, b[k * cols + j] as T));
        out[i * cols + j] = acc;
      }
    return out;
  };
  const linear: LinearAlgebra<T> = {
    outer: (a, b) => {
      const out = new Array<T>(a.length * b.length);
      for (let i = 0; i < a.length; i++)
        for (let j = 0; j < b.length; j++) out[i * b.length + j] = mul(a[i] as T, b[j] as T);
      return out;
    },
    matmul,
    matvec: (m, v) => matmul(m, v, v.length === 0 ? 0 : m.length / v.length),
    vecmat: (v, m) => matmul(v, m, 1),
    transpose: (m, rows) => {
      const cols = rows === 0 ? 0 : m.length / rows;
      const out = new Array<T>(m.length);
      for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) out[j * rows + i] = m[i * cols + j] as T;
      return out;
    },
    diag: (v) => {
      const out = new Array<T>(v.length * v.length).fill(zero);
      for (let i = 0; i < v.length; i++) out[i * v.length + i] = v[i] as T;
      return out;
    },
  };
  cache.set(alg, linear);
  return linear;
}
