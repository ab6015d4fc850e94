import type { Expr } from './ast.ts';

/** The names an expression reads directly: symbols and indexed vectors (`x_j` reads `x`). */
export function namesIn(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case 'sym':
    case 'index':
      into.add(expr.name);
      break;
    case 'neg':
      namesIn(expr.arg, into);
      break;
    case 'binary':
      namesIn(expr.left, into);
      namesIn(expr.right, into);
      break;
    case 'call':
      for (const arg of expr.args) namesIn(arg, into);
      break;
    case 'sum':
      namesIn(expr.body, into);
      break;
    case 'num':
      break;
  }
  return into;
}

/** A loss split into its additive terms, each with the sign it is added with. */
export interface Term {
  readonly expr: Expr;
  readonly sign: 1 | -1;
}

export function additiveTerms(expr: Expr, sign: 1 | -1 = 1): Term[] {
  if (expr.kind === 'binary' && (expr.op === 'add' || expr.op === 'sub'))
    return [
      ...additiveTerms(expr.left, sign),
      ...additiveTerms(expr.right, expr.op === 'sub' ? (-sign as 1 | -1) : sign),
    ];
  if (expr.kind === 'neg') return additiveTerms(expr.arg, -sign as 1 | -1);
  return [{ expr, sign }];
}
