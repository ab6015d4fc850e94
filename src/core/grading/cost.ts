import type { NumericCard as Card } from '../cards/card.ts';
import type { Expr } from '../expr/ast.ts';
import { findIndexed } from '../expr/compile.ts';
import { nodeShapes, SCALAR, type FreeLetter, type Length, type Shape } from '../expr/shape.ts';

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
  /** How many entries the node yields (0 for a scalar). */
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
 * The cost of one evaluation of a shape-checked answer on `card`; `free` are the letters a
 * componentwise answer ranges over (`x_j`, or `delta_i x_j`), with their lengths.
 */
export function answerCost(
  expr: Expr,
  card: Pick<Card, 'vars' | 'shapes'>,
  free?: readonly FreeLetter[],
): AnswerCost {
  const longest = (length: Length) => longestLength(length, card.vars);
  const table = nodeShapes(expr, card.shapes);
  const body = costOf(expr, (e) => table.get(e) ?? SCALAR, card.shapes, longest);
  if (free === undefined) return { work: body.work, loops: body.loops };
  return {
    work: free.reduce((work, f) => work * longest(f.length), body.work),
    loops: [...free.map((f) => f.letter), ...body.loops],
  };
}

/** How many scalars a value of this shape holds, at the largest dimensions the card draws. */
function entries(shape: Shape, longest: (length: Length) => number): number {
  switch (shape.kind) {
    case 'scalar':
      return 0;
    case 'vector':
      return longest(shape.length);
    case 'matrix':
      return longest(shape.rows) * longest(shape.cols);
  }
}

/** The dimension a product adds up over: a matrix's columns, a row's or a dot product's length; 1 for an outer product. */
function innerDimension(left: Shape, right: Shape, longest: (length: Length) => number): number {
  if (left.kind === 'matrix') return longest(left.cols);
  if (left.kind === 'vector' && !(right.kind === 'vector' && !left.row && right.row))
    return longest(left.length);
  return 1;
}

function costOf(
  expr: Expr,
  shapeOf: (e: Expr) => Shape,
  names: ReadonlyMap<string, Shape>,
  longest: (length: Length) => number,
): NodeCost {
  const recur = (e: Expr) => costOf(e, shapeOf, names, longest);
  const size = (e: Expr) => entries(shapeOf(e), longest);
  const node = (children: readonly NodeCost[], own: number): NodeCost => {
    const deepest = children.reduce<readonly string[]>(
      (a, c) => (c.loops.length > a.length ? c.loops : a),
      [],
    );
    return { work: children.reduce((sum, c) => sum + c.work, own), vector: size(expr), loops: deepest };
  };
  // A node's own work is one pass over the widest value it reads or yields.
  const pass = (children: readonly NodeCost[]) => Math.max(1, size(expr), ...children.map((c) => c.vector));
  switch (expr.kind) {
    case 'num':
    case 'index':
    case 'sym':
      return { work: 1, vector: size(expr), loops: [] };
    case 'neg': {
      const arg = recur(expr.arg);
      return node([arg], pass([arg]));
    }
    case 'binary': {
      const left = recur(expr.left);
      const right = recur(expr.right);
      const [l, r] = [shapeOf(expr.left), shapeOf(expr.right)];
      // A product of two vectors or matrices does one multiply-add per entry of the result per inner step.
      const own =
        expr.op === 'mul' && l.kind !== 'scalar' && r.kind !== 'scalar'
          ? Math.max(1, size(expr)) * innerDimension(l, r, longest)
          : pass([left, right]);
      return node([left, right], own);
    }
    case 'call': {
      const args = expr.args.map(recur);
      return node(args, pass(args));
    }
    case 'sum': {
      const body = recur(expr.body);
      const indexed = findIndexed(expr.body, expr.letter);
      const length = entries((indexed === undefined ? undefined : names.get(indexed)) ?? SCALAR, longest);
      // Each pass evaluates the body and adds it up.
      return { work: length * (body.work + 1), vector: 0, loops: [expr.letter, ...body.loops] };
    }
  }
}
