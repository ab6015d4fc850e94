import type { Expr } from './ast.ts';

/** A dimension: the name of an integer var (`n`) or a literal. */
export type Length = string | number;

/**
 * The shape of a value. A vector is a column; `row` marks a transposed one (`x'`), which only
 * changes what `*` means (column × row is the outer product). A matrix is m×n, rows first.
 */
export type Shape =
  | { readonly kind: 'scalar' }
  | { readonly kind: 'vector'; readonly length: Length; readonly row?: true }
  | { readonly kind: 'matrix'; readonly rows: Length; readonly cols: Length };

export const SCALAR: Shape = { kind: 'scalar' };

const column = (length: Length): Shape => ({ kind: 'vector', length });
const matrix = (rows: Length, cols: Length): Shape => ({ kind: 'matrix', rows, cols });

/** Why an expression cannot be evaluated, whatever the point. */
type ShapeErrorCode =
  | 'vector_power'
  | 'length_mismatch'
  | 'vector_division'
  | 'dot_of_scalar'
  | 'index_on_scalar'
  | 'nested_vector'
  | 'mixed_index_letters'
  | 'unbound_sum'
  | 'product_mismatch'
  | 'needs_vector';

export interface ShapeError {
  readonly code: ShapeErrorCode;
  /** The sub-expression at fault, as the printer writes it, filled by the caller. */
  readonly at: Expr;
  /** The shapes of its operands, for messages that name them (`W` is m×n, `delta` has m components). */
  readonly operands?: readonly Shape[];
}

/** An index letter a componentwise answer ranges over (`x_j` makes `j` free), with its length. */
export interface FreeLetter {
  readonly letter: string;
  readonly length: Length;
}

/** The shape of an expression and the free index letters it uses. */
interface ShapeInfo {
  readonly shape: Shape;
  /**
   * One letter (`(y - yhat) * x_j`: a vector), or two (`delta_i * x_j`: a matrix whose rows go with
   * the letter earlier in the alphabet, whatever the order of the factors).
   */
  readonly free?: readonly FreeLetter[];
}

export type ShapeResult = { ok: true; info: ShapeInfo } | { ok: false; error: ShapeError };

class ShapeFailure {
  constructor(readonly error: ShapeError) {}
}

function fail(code: ShapeErrorCode, at: Expr, operands?: readonly Shape[]): never {
  throw new ShapeFailure({ code, at, ...(operands ? { operands } : {}) });
}

/** Whether two shapes have the same dimensions; a row and a column of one length count as the same. */
export function sameShape(a: Shape, b: Shape): boolean {
  switch (a.kind) {
    case 'scalar':
      return b.kind === 'scalar';
    case 'vector':
      return b.kind === 'vector' && a.length === b.length;
    case 'matrix':
      return b.kind === 'matrix' && a.rows === b.rows && a.cols === b.cols;
  }
}

/** A shape in words: `a scalar`, `a vector (n components)`, `an m×n matrix`. */
export function describeShape(shape: Shape): string {
  switch (shape.kind) {
    case 'scalar':
      return 'a scalar';
    case 'vector':
      return `a ${shape.row ? 'row ' : ''}vector (${shape.length} components)`;
    case 'matrix':
      return `an ${shape.rows}×${shape.cols} matrix`;
  }
}

/** The shape `shape` has once transposed: a column becomes a row and back, a matrix swaps its dimensions. */
export function transposed(shape: Shape): Shape {
  switch (shape.kind) {
    case 'scalar':
      return shape;
    case 'vector':
      return shape.row ? column(shape.length) : { kind: 'vector', length: shape.length, row: true };
    case 'matrix':
      return matrix(shape.cols, shape.rows);
  }
}

/** What a walk carries: the names' shapes, the letters bound by sums and free, and each node's shape. */
interface Walk {
  readonly shapes: ReadonlyMap<string, Shape>;
  readonly bound: Map<string, Length | undefined>;
  readonly free: Map<string, Length>;
  readonly table: Map<Expr, Shape>;
}

/** The table of the last expressions checked, so that compiling and costing one does not walk it again. */
const tables = new WeakMap<Expr, { shapes: ReadonlyMap<string, Shape>; table: ReadonlyMap<Expr, Shape> }>();

/**
 * Infers the shape of `expr`, given the shapes of the names it may use. Shapes are symbolic
 * (a vector of length `n`, an m×n matrix), so an expression is checked once, not at every point.
 */
export function inferShape(expr: Expr, shapes: ReadonlyMap<string, Shape>): ShapeResult {
  const ctx: Walk = { shapes, bound: new Map(), free: new Map(), table: new Map() };
  const { free } = ctx;
  try {
    const shape = walk(expr, ctx);
    tables.set(expr, { shapes, table: ctx.table });
    if (free.size === 0) return { ok: true, info: { shape } };
    if (free.size > 2) fail('mixed_index_letters', expr);
    if (shape.kind !== 'scalar') fail('nested_vector', expr);
    const letters = [...free]
      .map(([letter, length]) => ({ letter, length }))
      .sort((a, b) => (a.letter < b.letter ? -1 : 1));
    const [rows, cols] = letters as [FreeLetter, FreeLetter | undefined];
    const whole = cols === undefined ? column(rows.length) : matrix(rows.length, cols.length);
    return { ok: true, info: { shape: whole, free: letters } };
  } catch (caught) {
    if (caught instanceof ShapeFailure) return { ok: false, error: caught.error };
    throw caught;
  }
}

/**
 * The shape of every node of a shape-checked expression (a component `x_j` is a scalar), for the
 * compiler and the cost count, which pick an operation by the shapes of the operands. An expression
 * that does not check gets an empty table: only checked ones are compiled.
 */
export function nodeShapes(expr: Expr, shapes: ReadonlyMap<string, Shape>): ReadonlyMap<Expr, Shape> {
  const known = tables.get(expr);
  if (known?.shapes === shapes) return known.table;
  const checked = inferShape(expr, shapes);
  return checked.ok ? (tables.get(expr)?.table ?? new Map()) : new Map();
}

function walk(expr: Expr, ctx: Walk): Shape {
  const shape = shapeOf(expr, ctx);
  ctx.table.set(expr, shape);
  return shape;
}

function shapeOf(expr: Expr, ctx: Walk): Shape {
  switch (expr.kind) {
    case 'num':
      return SCALAR;
    case 'sym':
      return ctx.shapes.get(expr.name) ?? SCALAR;
    case 'index': {
      const shape = ctx.shapes.get(expr.name);
      if (shape?.kind === 'matrix' && expr.column !== undefined && expr.index.kind === 'letter') {
        bindLetter(expr.index.letter, shape.rows, expr, ctx.bound, ctx.free);
        bindLetter(expr.column, shape.cols, expr, ctx.bound, ctx.free);
        return SCALAR;
      }
      if (shape?.kind !== 'vector' || expr.column !== undefined) return fail('index_on_scalar', expr);
      if (expr.index.kind === 'letter')
        bindLetter(expr.index.letter, shape.length, expr, ctx.bound, ctx.free);
      return SCALAR;
    }
    case 'neg':
      return walk(expr.arg, ctx);
    case 'binary':
      return binary(expr, walk(expr.left, ctx), walk(expr.right, ctx));
    case 'call':
      return call(
        expr,
        expr.args.map((arg) => walk(arg, ctx)),
      );
    case 'sum': {
      const { bound } = ctx;
      const outer = bound.get(expr.letter);
      const wasBound = bound.has(expr.letter);
      bound.set(expr.letter, undefined);
      const body = walk(expr.body, ctx);
      const length = bound.get(expr.letter);
      if (wasBound) bound.set(expr.letter, outer);
      else bound.delete(expr.letter);
      if (body.kind !== 'scalar') fail('nested_vector', expr);
      if (length === undefined) fail('unbound_sum', expr);
      return SCALAR;
    }
  }
}

function bindLetter(
  letter: string,
  length: Length,
  at: Expr,
  bound: Map<string, Length | undefined>,
  free: Map<string, Length>,
): void {
  const table = bound.has(letter) ? bound : free;
  const known = table.get(letter);
  if (known !== undefined && known !== length) fail('length_mismatch', at);
  table.set(letter, length);
}

/**
 * Two operands combined entry by entry (`+`, `-`, `.*`): a scalar goes with anything, otherwise the
 * shapes must agree. A row and a column of the same length combine as a column: before rows existed
 * `x' + w` was read that way, and nothing is lost by keeping it.
 */
function broadcast(a: Shape, b: Shape, at: Expr): Shape {
  if (a.kind === 'scalar') return b;
  if (b.kind === 'scalar') return a;
  if (a.kind === 'vector' && b.kind === 'vector') {
    if (a.length !== b.length) fail('length_mismatch', at, [a, b]);
    return a.row && b.row ? a : column(a.length);
  }
  if (!sameShape(a, b)) fail('length_mismatch', at, [a, b]);
  return a;
}

/**
 * `*`: scalars scale; column × row is the outer product; any other two vectors give their dot
 * product (`w' x`, and `w * x` as mathjs reads it); a matrix multiplies what its dimensions allow.
 */
function product(a: Shape, b: Shape, at: Expr): Shape {
  if (a.kind === 'scalar') return b;
  if (b.kind === 'scalar') return a;
  const mismatch = (): never => fail('product_mismatch', at, [a, b]);
  if (a.kind === 'vector' && b.kind === 'vector') {
    if (!a.row && b.row) return matrix(a.length, b.length);
    // Two columns of different lengths can only have meant an outer product: say so.
    if (a.length !== b.length) fail(a.row || b.row ? 'length_mismatch' : 'product_mismatch', at, [a, b]);
    return SCALAR;
  }
  if (a.kind === 'matrix' && b.kind === 'matrix')
    return a.cols === b.rows ? matrix(a.rows, b.cols) : mismatch();
  if (a.kind === 'matrix' && b.kind === 'vector')
    return !b.row && a.cols === b.length ? column(a.rows) : mismatch();
  if (a.kind === 'vector' && b.kind === 'matrix')
    return a.row && a.length === b.rows ? transposed(column(b.cols)) : mismatch();
  return mismatch();
}

function binary(expr: Expr & { kind: 'binary' }, left: Shape, right: Shape): Shape {
  switch (expr.op) {
    case 'add':
    case 'sub':
    case 'emul':
    case 'ediv':
    case 'epow':
      // A scalar added to a vector is added to each component, as in mathjs (`1 - h.^2`).
      return broadcast(left, right, expr);
    case 'mul':
      return product(left, right, expr);
    case 'div':
      if (right.kind !== 'scalar') fail('vector_division', expr);
      return left;
    case 'pow':
      if (left.kind !== 'scalar' || right.kind !== 'scalar') fail('vector_power', expr);
      return SCALAR;
  }
}

function call(expr: Expr & { kind: 'call' }, args: Shape[]): Shape {
  const [first = SCALAR, second = SCALAR] = args;
  const vectorArg = (s: Shape): Length => (s.kind === 'vector' ? s.length : fail('needs_vector', expr, [s]));
  switch (expr.fn) {
    case 'max':
    case 'min':
      return args.length === 1 ? SCALAR : broadcast(first, second, expr);
    case 'dot':
      if (first.kind !== 'vector' || second.kind !== 'vector') fail('dot_of_scalar', expr);
      broadcast(first, second, expr);
      return SCALAR;
    case 'sum':
    case 'norm':
      return SCALAR;
    case 'transpose':
      return transposed(first);
    case 'outer':
      return matrix(vectorArg(first), vectorArg(second));
    case 'diag': {
      const length = vectorArg(first);
      return matrix(length, length);
    }
    case 'softmax':
      return column(vectorArg(first));
    default:
      // Every other function applies to each entry.
      return first;
  }
}
