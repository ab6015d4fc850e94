import type { Expr } from '../expr/ast.ts';
import { findIndexed } from '../expr/compile.ts';

/**
 * A componentwise formula (`(y - yhat) x_j`, `x_j^2`) as the vector it stands for (`(y - yhat) * x`,
 * `x .^ 2`): a drafted `answer` is checked as a whole vector. Where both factors run over the
 * index, the product is taken component by component, not as a dot product.
 */
export function vectorForm(expr: Expr, letter: string): Expr {
  const runs = (e: Expr) => findIndexed(e, letter) !== undefined;
  const go = (e: Expr): Expr => {
    switch (e.kind) {
      case 'index':
        return e.index.kind === 'letter' && e.index.letter === letter ? { kind: 'sym', name: e.name } : e;
      case 'neg':
        return { kind: 'neg', arg: go(e.arg) };
      case 'binary': {
        const left = go(e.left);
        const right = go(e.right);
        const both = runs(e.left) && runs(e.right);
        const op =
          e.op === 'mul' && both
            ? 'emul'
            : e.op === 'div' && runs(e.right)
              ? 'ediv'
              : e.op === 'pow' && (runs(e.left) || runs(e.right))
                ? 'epow'
                : e.op;
        return { kind: 'binary', op, left, right };
      }
      case 'call':
        return { kind: 'call', fn: e.fn, args: e.args.map(go) };
      case 'sum':
        return e.letter === letter ? e : { kind: 'sum', letter: e.letter, body: go(e.body) };
      default:
        return e;
    }
  };
  return go(expr);
}
