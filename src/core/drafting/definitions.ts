import type { Statement } from './statements.ts';
import { headOf } from './texNames.ts';

/** `\hat{y} = \sigma(s)`, `\ell(y, \hat{y}) = …`, `s = \sum_i w_i x_i = w^T x`: a name and what it is. */
export interface Definition {
  readonly name: string;
  /** The right-hand sides of its chain, in order (TeX). */
  readonly sides: readonly string[];
  readonly from: 'question' | 'solution';
}

/** The statements whose left side is a plain name, optionally with its arguments. */
export function definitionsOf(statements: readonly Statement[], from: Definition['from']): Definition[] {
  return statements.flatMap((statement) => {
    const [left, ...sides] = statement.sides;
    const name = left === undefined || sides.length === 0 ? undefined : headOf(left);
    return name === undefined ? [] : [{ name, sides, from }];
  });
}
