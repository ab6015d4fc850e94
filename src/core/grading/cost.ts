import type { NumericCard as Card } from '../cards/card.ts';
import { VECTOR_FUNCTIONS, type Expr } from '../expr/ast.ts';
import { findIndexed } from '../expr/compile.ts';
import type { Length } from '../expr/shape.ts';

/**
 * How much work evaluating an answer once takes, counted before it is evaluated, so that a short
 * answer cannot make the grader loop for minutes: nested sums multiply (`\sum_a \sum_b … x_a x_b …`
 * with nine letters and n = 6 is 10⁷ passes over its body), and grading is synchronous.
 *
 * The unit is one operation on a scalar: every node costs 1, or the length of the vectors it
 * touches, times the lengths of the sums (and the componentwise index) around it, each at the
 * largest length the card can draw. Measured at about 5 ns per unit on this machine.
 */
export interface AnswerCost {
  /** Scalar operations for one evaluation of the answer (at one point). */
  readonly work: number;
  /** The index letters of the deepest nest of loops (sums, and a componentwise index outermost). */
  readonly loops: readonly string[];
}

/**
 * Units one evaluation may take. The costliest honest answer in the test corpora and seeds costs 94
 * units (a componentwise answer with a sum inside, or a long vector expression, n ≤ 6); 2,500 leaves a
 * margin of about 26×, and grades any answer in under 5 ms: 20 points, the diagnosis's few extra
 * evaluations and the rounding-aware second look (`rounding.ts`) at ~5–25 ns per unit stay below 2 ms
 * warm on this machine even at the budget (`npx tsx bench/grader.ts`).
 */
export const WORK_BUDGET = 2_500;

interface NodeCost {
  readonly work: number;
  /** The length of the vector the node yields (0 for a scalar). */
  readonly vector: number;
  readonly loops: readonly string[];
}

/** The largest value a length can take on this card: a literal, or the top of its integer var's draw. */
export function longestLength(length: Length, vars: Card['vars']): number {
  if (typeof length === 'number') return length;
  const spec = vars.get(length);
  switch (spec?.kind) {
    case 'integer':
      return spec.max;
    case 'choice':
      return Math.max(...spec.values);
    default:
      // Cards are checked to draw lengths from integer vars; anything else is not a bound at all.
      return Number.POSITIVE_INFINITY;
  }
}

/**
 * The cost of one evaluation of a shape-checked answer on `card`; `free` is the letter a
 * componentwise answer ranges over (`x_j`), with its length.
 */
export function answerCost(
  expr: Expr,
  card: Pick<Card, 'vars' | 'shapes'>,
  free?: { readonly letter: string; readonly length: Length },
): AnswerCost {
  const vectorLength = (name: string): number => {
    const shape = card.shapes.get(name);
    return shape?.kind === 'vector' ? longestLength(shape.length, card.vars) : 0;
  };
  const body = costOf(expr, vectorLength);
  if (free === undefined) return { work: body.work, loops: body.loops };
  return {
    work: longestLength(free.length, card.vars) * body.work,
    loops: [free.letter, ...body.loops],
  };
}

function costOf(expr: Expr, vectorLength: (name: string) => number): NodeCost {
  const recur = (e: Expr) => costOf(e, vectorLength);
  const node = (children: readonly NodeCost[], vector: number): NodeCost => {
    // A node's own work is one pass over the widest vector it reads or yields.
    const own = Math.max(1, vector, ...children.map((c) => c.vector));
    const deepest = children.reduce<readonly string[]>(
      (a, c) => (c.loops.length > a.length ? c.loops : a),
      [],
    );
    return { work: children.reduce((sum, c) => sum + c.work, own), vector, loops: deepest };
  };
  switch (expr.kind) {
    case 'num':
    case 'index':
      return { work: 1, vector: 0, loops: [] };
    case 'sym':
      return { work: 1, vector: vectorLength(expr.name), loops: [] };
    case 'neg': {
      const arg = recur(expr.arg);
      return node([arg], arg.vector);
    }
    case 'binary': {
      const left = recur(expr.left);
      const right = recur(expr.right);
      // `*` of two vectors is their dot product; `^` is only for scalars (the shape check says so).
      const scalar = (expr.op === 'mul' && left.vector > 0 && right.vector > 0) || expr.op === 'pow';
      return node([left, right], scalar ? 0 : Math.max(left.vector, right.vector));
    }
    case 'call': {
      const args = expr.args.map(recur);
      const reduces = VECTOR_FUNCTIONS.has(expr.fn) && !(args.length === 2 && expr.fn !== 'dot');
      return node(args, reduces ? 0 : Math.max(0, ...args.map((a) => a.vector)));
    }
    case 'sum': {
      const body = recur(expr.body);
      const indexed = findIndexed(expr.body, expr.letter);
      const length = indexed === undefined ? 0 : vectorLength(indexed);
      // Each pass evaluates the body and adds it up.
      return { work: length * (body.work + 1), vector: 0, loops: [expr.letter, ...body.loops] };
    }
  }
}
