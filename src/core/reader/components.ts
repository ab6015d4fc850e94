import type { Expr, NameKind } from '../expr/ast.ts';

/**
 * `(\hat y - y)_i`: an index on a bracketed expression, the i-th component of the vector it stands
 * for. The index is carried down to every vector name in it (`yhat_i - y_i`), through what acts entry
 * by entry (`+ - .* ./`, a scalar factor, `sigma`, `exp` …), so the rest of the grader sees the
 * componentwise form it already knows. Where a component is not the same operation on components —
 * a product of two vectors, a matrix, a softmax — the answer is refused: it has to be written out.
 * Returns undefined then.
 */
export function componentOf(
  expr: Expr,
  letter: string,
  kinds: ReadonlyMap<string, NameKind>,
): Expr | undefined {
  const vectorIn = (e: Expr): boolean => {
    switch (e.kind) {
      case 'sym':
        return kinds.get(e.name) === 'vector' || kinds.get(e.name) === 'matrix';
      case 'neg':
        return vectorIn(e.arg);
      case 'binary':
        return vectorIn(e.left) || vectorIn(e.right);
      case 'call':
        return !scalarValued(e) && e.args.some(vectorIn);
      default:
        return false;
    }
  };
  const go = (e: Expr): Expr | undefined => {
    if (!vectorIn(e)) return e;
    switch (e.kind) {
      case 'sym':
        return kinds.get(e.name) === 'vector'
          ? { kind: 'index', name: e.name, index: { kind: 'letter', letter } }
          : undefined;
      case 'neg': {
        const arg = go(e.arg);
        return arg && { kind: 'neg', arg };
      }
      case 'binary': {
        // Two vectors multiplied (`*`) or divided make a dot product or an outer product, not a column.
        if ((e.op === 'mul' || e.op === 'div' || e.op === 'pow') && vectorIn(e.left) && vectorIn(e.right))
          return undefined;
        const left = go(e.left);
        const right = go(e.right);
        return left && right && { ...e, left, right };
      }
      case 'call': {
        if (!ENTRY_BY_ENTRY.has(e.fn)) return undefined;
        const args = e.args.map(go);
        return args.every((a) => a !== undefined) ? { ...e, args: args as Expr[] } : undefined;
      }
      default:
        return undefined;
    }
  };
  return go(expr);
}

/** Calls whose value is a scalar whatever their argument (`max(v)` folds): indexing leaves them alone. */
const scalarValued = (e: Expr & { kind: 'call' }): boolean =>
  e.fn === 'dot' ||
  e.fn === 'sum' ||
  e.fn === 'norm' ||
  ((e.fn === 'max' || e.fn === 'min') && e.args.length === 1);
/** Functions applied to each entry: the i-th entry of f(v) is f(v_i). */
const ENTRY_BY_ENTRY: ReadonlySet<string> = new Set(['sigma', 'tanh', 'relu', 'softplus', 'exp', 'log', 'sqrt', 'abs', 'max', 'min']); // prettier-ignore
