/**
 * The scalar arithmetic an expression is evaluated in. Plain numbers grade a student's answer;
 * dual numbers (see `dual.ts`) differentiate the card's loss with the same compiled tree.
 */
export interface Algebra<T> {
  constant(value: number): T;
  /** The plain value, for comparisons and branch decisions. */
  value(a: T): number;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  pow(a: T, b: T): T;
  neg(a: T): T;
  exp(a: T): T;
  log(a: T): T;
  sqrt(a: T): T;
  abs(a: T): T;
  tanh(a: T): T;
  sigma(a: T): T;
  relu(a: T): T;
  softplus(a: T): T;
  max(a: T, b: T): T;
  min(a: T, b: T): T;
}

/** The logistic sigmoid, written so that neither tail overflows. */
export function sigmoid(s: number): number {
  if (s >= 0) return 1 / (1 + Math.exp(-s));
  const e = Math.exp(s);
  return e / (1 + e);
}

/** log(1 + e^s) without overflow for large s. */
export function softplus(s: number): number {
  return s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
}

export const numberAlgebra: Algebra<number> = {
  constant: (value) => value,
  value: (a) => a,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: (a, b) => a ** b,
  neg: (a) => -a,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  tanh: Math.tanh,
  sigma: sigmoid,
  relu: (a) => (a > 0 ? a : 0),
  softplus,
  max: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : a >= b ? a : b),
  min: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : a <= b ? a : b),
};
