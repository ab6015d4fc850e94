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
function longestLength(length: Length, vars: Card['vars']): number {
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
  const body = costOf(expr, { table: nodeShapes(expr, card.shapes), names: card.shapes, longest });
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

/** What the cost walk reads: each node's shape, the names' shapes, the card's largest dimensions. */
interface CostContext {
  readonly table: ReadonlyMap<Expr, Shape>;
  readonly names: ReadonlyMap<string, Shape>;
  readonly longest: (length: Length) => number;
}

function sizeOf(e: Expr, ctx: CostContext): number {
  return entries(ctx.table.get(e) ?? SCALAR, ctx.longest);
}

/** A node over its children: their work plus its own, and the deepest nest of loops among them. */
function over(expr: Expr, children: readonly NodeCost[], own: number, ctx: CostContext): NodeCost {
  let work = own;
  let loops: readonly string[] = [];
  for (const c of children) {
    work += c.work;
    if (c.loops.length > loops.length) loops = c.loops;
  }
  return { work, vector: sizeOf(expr, ctx), loops };
}

/** A node's own work when it is one pass over the widest value it reads or yields. */
function pass(expr: Expr, children: readonly NodeCost[], ctx: CostContext): number {
  let widest = Math.max(1, sizeOf(expr, ctx));
  for (const c of children) widest = Math.max(widest, c.vector);
  return widest;
}

function costOf(expr: Expr, ctx: CostContext): NodeCost {
  switch (expr.kind) {
    case 'num':
    case 'index':
    case 'sym':
      return { work: 1, vector: sizeOf(expr, ctx), loops: [] };
    case 'neg': {
      const args = [costOf(expr.arg, ctx)];
      return over(expr, args, pass(expr, args, ctx), ctx);
    }
    case 'binary': {
      const args = [costOf(expr.left, ctx), costOf(expr.right, ctx)];
      const l = ctx.table.get(expr.left) ?? SCALAR;
      const r = ctx.table.get(expr.right) ?? SCALAR;
      // A product of two vectors or matrices does one multiply-add per entry of the result per inner step.
      const own =
        expr.op === 'mul' && l.kind !== 'scalar' && r.kind !== 'scalar'
          ? Math.max(1, sizeOf(expr, ctx)) * innerDimension(l, r, ctx.longest)
          : pass(expr, args, ctx);
      return over(expr, args, own, ctx);
    }
    case 'call': {
      const args = expr.args.map((arg) => costOf(arg, ctx));
      return over(expr, args, pass(expr, args, ctx), ctx);
    }
    case 'sum': {
      const body = costOf(expr.body, ctx);
      const indexed = findIndexed(expr.body, expr.letter);
      const over = (indexed === undefined ? undefined : ctx.names.get(indexed.name)) ?? SCALAR;
      const length =
        over.kind === 'matrix'
          ? ctx.longest(indexed?.column === true ? over.cols : over.rows)
          : entries(over, ctx.longest);
      // Each pass evaluates the body and adds it up.
      return { work: length * (body.work + 1), vector: 0, loops: [expr.letter, ...body.loops] };
    }
  }
}
