import { sigmoid, softplus, type Algebra } from './algebra.ts';

/** A dual number v + d·ε (ε² = 0): its `d` carries one directional derivative exactly. */
export interface Dual {
  readonly v: number;
  readonly d: number;
}

const dual = (v: number, d: number): Dual => ({ v, d });

/**
 * Forward-mode differentiation. Each rule is the exact derivative, so the reference gradient is
 * as precise as the floating-point evaluation itself (no step size, unlike a finite difference).
 * At the kinks of relu, abs and max the one-sided derivative of the branch taken is used; such
 * points have probability zero under continuous draws.
 */
export const dualAlgebra: Algebra<Dual> = {
  constant: (value) => dual(value, 0),
  value: (a) => a.v,
  add: (a, b) => dual(a.v + b.v, a.d + b.d),
  sub: (a, b) => dual(a.v - b.v, a.d - b.d),
  mul: (a, b) => dual(a.v * b.v, a.d * b.v + a.v * b.d),
  div: (a, b) => dual(a.v / b.v, (a.d * b.v - a.v * b.d) / (b.v * b.v)),
  pow: (a, b) => {
    const v = a.v ** b.v;
    // d(a^b) = b a^(b-1) da + a^b ln(a) db; the second term only when the exponent varies,
    // so that (-2)^2 keeps a finite derivative.
    const base = a.d === 0 ? 0 : b.v * a.v ** (b.v - 1) * a.d;
    return dual(v, b.d === 0 ? base : base + v * Math.log(a.v) * b.d);
  },
  neg: (a) => dual(-a.v, -a.d),
  exp: (a) => {
    const v = Math.exp(a.v);
    return dual(v, v * a.d);
  },
  log: (a) => dual(Math.log(a.v), a.d / a.v),
  sqrt: (a) => {
    const v = Math.sqrt(a.v);
    return dual(v, a.d / (2 * v));
  },
  abs: (a) => dual(Math.abs(a.v), a.v >= 0 ? a.d : -a.d),
  tanh: (a) => {
    const v = Math.tanh(a.v);
    return dual(v, (1 - v * v) * a.d);
  },
  sigma: (a) => {
    const v = sigmoid(a.v);
    return dual(v, v * (1 - v) * a.d);
  },
  relu: (a) => (a.v > 0 ? a : dual(0, 0)),
  softplus: (a) => dual(softplus(a.v), sigmoid(a.v) * a.d),
  max: (a, b) => (Number.isNaN(a.v) || Number.isNaN(b.v) ? dual(Number.NaN, 0) : a.v >= b.v ? a : b),
  min: (a, b) => (Number.isNaN(a.v) || Number.isNaN(b.v) ? dual(Number.NaN, 0) : a.v <= b.v ? a : b),
};
