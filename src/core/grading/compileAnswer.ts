import { numberAlgebra } from '../expr/algebra.ts';
import { compile, componentwise, type Compiled, type Layout } from '../expr/compile.ts';
import type { Expr } from '../expr/ast.ts';
import type { FreeLetter } from '../expr/shape.ts';

/**
 * An answer as a function of a point: compiled once, then evaluated at the grader's points and the
 * signature's. A componentwise answer (`(y - ŷ) x_j`) is evaluated for every value of its free letters.
 */
export function compileAnswer(
  expr: Expr,
  free: readonly FreeLetter[] | undefined,
  layout: Layout,
): Compiled<number> {
  const body = compile(expr, numberAlgebra, layout);
  return free === undefined
    ? body
    : componentwise(
        body,
        free.map((f) => f.letter),
        expr,
        layout,
        numberAlgebra,
      );
}
