import { compile, componentwise, type Compiled, type Layout, type Val } from '../expr/compile.ts';
import type { Expr } from '../expr/ast.ts';
import { scaledAlgebra, type Scaled } from '../expr/scaled.ts';
import type { SamplePoint } from './prepare.ts';
import { isCloseAfterRounding } from './tolerance.ts';

/**
 * A second look at the points where an answer missed the reference: the answer evaluated again
 * with the scale of its rounding (`scaled.ts`), so that a correct form that cancels large terms (an
 * expanded polynomial near its root) is not refused for rounding. Compiled and evaluated only when
 * asked, once per point: a right answer that matches at once never pays for it.
 */
export function roundingCheck(
  expr: Expr,
  free: readonly string[] | undefined,
  layout: Layout,
  points: readonly SamplePoint[],
): (index: number, sign: 1 | -1) => boolean {
  let evaluate: Compiled<Scaled> | undefined;
  const values = new Map<number, Val<Scaled> | undefined>();
  const valueAt = (index: number): Val<Scaled> | undefined => {
    if (!values.has(index)) {
      if (evaluate === undefined) {
        const body = compile(expr, scaledAlgebra, layout);
        evaluate = free === undefined ? body : componentwise(body, free, expr, layout, scaledAlgebra);
      }
      const point = points[index] as SamplePoint;
      const at = point.values.map(lift);
      let value: Val<Scaled> | undefined;
      try {
        value = evaluate({ values: at, letters: {} });
      } catch {
        // The plain evaluation succeeded at this point, so this cannot fail; if it did, no allowance.
        value = undefined;
      }
      values.set(index, value);
    }
    return values.get(index);
  };
  return (index, sign) => {
    const value = valueAt(index);
    return value !== undefined && isCloseAfterRounding(value, (points[index] as SamplePoint).reference, sign);
  };
}

/** A drawn value is exact as far as the answer knows: its only rounding scale is itself. */
const lift = (v: Val<number>): Val<Scaled> =>
  Array.isArray(v)
    ? v.map((x: number) => ({ v: x, m: Math.abs(x) }))
    : { v: v as number, m: Math.abs(v as number) };
