import type { Expr } from '../expr/ast.ts';
import { mapChildren } from '../expr/mapChildren.ts';

/** One step of a derivation: ∂`of`/∂`by`. */
export interface Step {
  /** How a student names it: `dl/dyhat`. */
  readonly key: string;
  /** How it is written: `∂ℓ/∂yhat`, or `δ₁ = ∂ℓ/∂z1` for a layer's error. */
  readonly title: string;
  readonly of: string;
  readonly by: string;
  /** The definition of `of` (the loss, or a given name's expression). */
  readonly expr: Expr;
  /**
   * A link (`link`): the partial derivative with every other name held fixed. Through the network
   * (`loss`): the gradient of the loss with respect to `by`, everything after `by` recomputed from
   * it — a layer's δ or its weights' gradient.
   */
  readonly through: 'link' | 'loss';
  /** Its derivative in symbols, written with the card's names where they fit; absent when piecewise. */
  readonly form?: Expr;
}

const same = (a: Expr, b: Expr) => JSON.stringify(a) === JSON.stringify(b);

/** Writes `sigma(s)` as `yhat` when the card defines yhat = sigma(s): the form students use. */
export function useNames(e: Expr, names: readonly { name: string; expr: Expr }[]): Expr {
  const named = names.find((n) => same(n.expr, e));
  if (named !== undefined) return { kind: 'sym', name: named.name };
  return mapChildren(e, (child) => useNames(child, names));
}
