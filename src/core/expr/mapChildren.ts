import type { Expr } from './ast.ts';

/** The same node with `f` applied to each direct child: the one walk that rewrites trees use. */
export function mapChildren(e: Expr, f: (child: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'neg':
      return { ...e, arg: f(e.arg) };
    case 'binary':
      return { ...e, left: f(e.left), right: f(e.right) };
    case 'call':
      return { ...e, args: e.args.map(f) };
    case 'sum':
      return { ...e, body: f(e.body) };
    default:
      return e;
  }
}
