import { sigmoid, softplus, type Algebra } from './algebra.ts';

/**
 * A value with the scale of the rounding it went through: `m` bounds, to first order, the sum of the
 * magnitudes of the terms that built `v`, each weighted by how much it moves the result. Evaluated in
 * floating point, `v` is off by about ε·m — far more than ε·|v| when large terms cancel, as in an
 * expanded polynomial near its root. Comparisons widen the tolerance by it (`tolerance.ts`).
 */
export interface Scaled {
  readonly v: number;
  readonly m: number;
}

const scaled = (v: number, m: number): Scaled => ({ v, m: Number.isFinite(m) ? m : Math.abs(v) });

/** A function of one argument: its rounding (relative to its value) plus the argument's, carried through f'. */
const through = (a: Scaled, v: number, slope: number): Scaled =>
  scaled(v, Math.abs(v) + Math.abs(slope) * a.m);

/**
 * First-order error propagation (running error analysis): each rule adds the error scales of the
 * operands, weighted by the partial derivatives of the operation.
 */
export const scaledAlgebra: Algebra<Scaled> = {
  constant: (value) => scaled(value, Math.abs(value)),
  value: (a) => a.v,
  add: (a, b) => scaled(a.v + b.v, a.m + b.m),
  sub: (a, b) => scaled(a.v - b.v, a.m + b.m),
  mul: (a, b) => scaled(a.v * b.v, a.m * Math.abs(b.v) + Math.abs(a.v) * b.m),
  div: (a, b) => scaled(a.v / b.v, a.m / Math.abs(b.v) + (Math.abs(a.v) * b.m) / (b.v * b.v)),
  pow: (a, b) => {
    const v = a.v ** b.v;
    const byBase = a.m === 0 ? 0 : Math.abs(b.v * a.v ** (b.v - 1)) * a.m;
    const byExponent = b.m === 0 || a.v === 0 ? 0 : Math.abs(v * Math.log(Math.abs(a.v))) * b.m;
    return scaled(v, Math.abs(v) + byBase + byExponent);
  },
  neg: (a) => scaled(-a.v, a.m),
  exp: (a) => {
    const v = Math.exp(a.v);
    return through(a, v, v);
  },
  log: (a) => through(a, Math.log(a.v), 1 / a.v),
  sqrt: (a) => {
    const v = Math.sqrt(a.v);
    return through(a, v, 1 / (2 * v));
  },
  abs: (a) => scaled(Math.abs(a.v), a.m),
  tanh: (a) => {
    const v = Math.tanh(a.v);
    return through(a, v, 1 - v * v);
  },
  sigma: (a) => {
    const v = sigmoid(a.v);
    return through(a, v, v * (1 - v));
  },
  relu: (a) => (a.v > 0 ? a : scaled(0, 0)),
  softplus: (a) => through(a, softplus(a.v), sigmoid(a.v)),
  max: (a, b) =>
    Number.isNaN(a.v) || Number.isNaN(b.v)
      ? scaled(Number.NaN, 0)
      : scaled(a.v >= b.v ? a.v : b.v, Math.max(a.m, b.m)),
  min: (a, b) =>
    Number.isNaN(a.v) || Number.isNaN(b.v)
      ? scaled(Number.NaN, 0)
      : scaled(a.v <= b.v ? a.v : b.v, Math.max(a.m, b.m)),
};
