import { numberAlgebra } from '../expr/algebra.ts';
import type { Expr } from '../expr/ast.ts';
import { compile, componentwise, type Val } from '../expr/compile.ts';
import type { PreparedPart } from '../grading/prepare.ts';
import { isClose, isDefined } from '../grading/tolerance.ts';

/** How a formula compares with a part's reference at every prepared point. */
export type Comparison =
  | { readonly kind: 'equal' }
  | { readonly kind: 'negated' }
  /** `at`: the first point where it differs; `value` what it gives there (undefined: not evaluable). */
  | { readonly kind: 'differs'; readonly at: number; readonly value?: Val<number> };

/** The formula's value at every point (componentwise formulas give their whole vector). */
export function valuesAt(prepared: PreparedPart, expr: Expr, free?: string): (Val<number> | undefined)[] {
  const body = compile(expr, numberAlgebra, prepared.layout);
  const f = free === undefined ? body : componentwise(body, [free], expr, prepared.layout, numberAlgebra);
  return prepared.points.map((p) => {
    try {
      const v = f({ values: [...p.values], letters: {} });
      return isDefined(v) ? v : undefined;
    } catch {
      return undefined;
    }
  });
}

export function compare(prepared: PreparedPart, values: readonly (Val<number> | undefined)[]): Comparison {
  const all = (sign: 1 | -1) =>
    prepared.points.every(
      (p, i) => values[i] !== undefined && isClose(values[i] as Val<number>, p.reference, sign),
    );
  if (all(1)) return { kind: 'equal' };
  if (all(-1)) return { kind: 'negated' };
  const at = prepared.points.findIndex(
    (p, i) => values[i] === undefined || !isClose(values[i] as Val<number>, p.reference),
  );
  const value = values[at];
  return value === undefined ? { kind: 'differs', at } : { kind: 'differs', at, value };
}

/** A value as a reader wants it in a message: four significant digits, vectors in brackets. */
export function showValue(v: Val<number> | undefined): string {
  if (v === undefined) return 'no value';
  const one = (x: number) => String(Number(x.toPrecision(4)));
  return Array.isArray(v) ? `[${v.map(one).join(', ')}]` : one(v as number);
}

/** The vars of a point, `n=3, w=[…], y=1`, for a message. */
export function showPoint(prepared: PreparedPart, at: number): string {
  const values = prepared.points[at]?.values ?? [];
  return [...prepared.card.vars.keys()].map((name, i) => `${name}=${showValue(values[i])}`).join(', ');
}
