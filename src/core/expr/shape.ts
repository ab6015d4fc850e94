import { VECTOR_FUNCTIONS, type Expr } from './ast.ts';

/** A vector's length: the name of an integer var (`n`) or a literal. */
export type Length = string | number;

export type Shape = { readonly kind: 'scalar' } | { readonly kind: 'vector'; readonly length: Length };

export const SCALAR: Shape = { kind: 'scalar' };

/** Why an expression cannot be evaluated, whatever the point. */
export type ShapeErrorCode =
  | 'vector_power'
  | 'length_mismatch'
  | 'vector_division'
  | 'dot_of_scalar'
  | 'index_on_scalar'
  | 'nested_vector'
  | 'mixed_index_letters'
  | 'unbound_sum';

export interface ShapeError {
  readonly code: ShapeErrorCode;
  /** The sub-expression at fault, as the printer writes it, filled by the caller. */
  readonly at: Expr;
}

/** The shape of an expression and the free index letters it uses (`x_j` makes `j` free). */
export interface ShapeInfo {
  readonly shape: Shape;
  /** The index letter a componentwise answer ranges over, with the length it ranges over. */
  readonly free?: { readonly letter: string; readonly length: Length };
}

export type ShapeResult = { ok: true; info: ShapeInfo } | { ok: false; error: ShapeError };

class ShapeFailure {
  constructor(readonly error: ShapeError) {}
}

function fail(code: ShapeErrorCode, at: Expr): never {
  throw new ShapeFailure({ code, at });
}

function sameLength(a: Length, b: Length): boolean {
  return a === b;
}

/**
 * Infers the shape of `expr`, given the shapes of the names it may use. Shapes are symbolic
 * (a vector of length `n`), so an expression is checked once, not at every point.
 */
export function inferShape(expr: Expr, shapes: ReadonlyMap<string, Shape>): ShapeResult {
  const bound = new Map<string, Length | undefined>();
  const free = new Map<string, Length>();
  try {
    const shape = walk(expr, shapes, bound, free);
    if (free.size > 1) fail('mixed_index_letters', expr);
    const entry = [...free][0];
    if (entry === undefined) return { ok: true, info: { shape } };
    if (shape.kind !== 'scalar') fail('nested_vector', expr);
    const [letter, length] = entry;
    return { ok: true, info: { shape: { kind: 'vector', length }, free: { letter, length } } };
  } catch (caught) {
    if (caught instanceof ShapeFailure) return { ok: false, error: caught.error };
    throw caught;
  }
}

function walk(
  expr: Expr,
  shapes: ReadonlyMap<string, Shape>,
  bound: Map<string, Length | undefined>,
  free: Map<string, Length>,
): Shape {
  const recur = (e: Expr): Shape => walk(e, shapes, bound, free);
  switch (expr.kind) {
    case 'num':
      return SCALAR;
    case 'sym':
      return shapes.get(expr.name) ?? SCALAR;
    case 'index': {
      const shape = shapes.get(expr.name);
      if (shape?.kind !== 'vector') return fail('index_on_scalar', expr);
      if (expr.index.kind === 'letter') bindLetter(expr.index.letter, shape.length, expr, bound, free);
      return SCALAR;
    }
    case 'neg':
      return recur(expr.arg);
    case 'binary':
      return binary(expr, recur(expr.left), recur(expr.right));
    case 'call':
      return call(expr, expr.args.map(recur));
    case 'sum': {
      const outer = bound.get(expr.letter);
      const wasBound = bound.has(expr.letter);
      bound.set(expr.letter, undefined);
      const body = recur(expr.body);
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
  if (known !== undefined && !sameLength(known, length)) fail('length_mismatch', at);
  table.set(letter, length);
}

function broadcast(a: Shape, b: Shape, at: Expr): Shape {
  if (a.kind === 'scalar') return b;
  if (b.kind === 'scalar') return a;
  if (!sameLength(a.length, b.length)) fail('length_mismatch', at);
  return a;
}

function binary(expr: Expr & { kind: 'binary' }, left: Shape, right: Shape): Shape {
  switch (expr.op) {
    case 'add':
    case 'sub':
      // A scalar added to a vector is added to each component, as in mathjs (`1 - h.^2`).
      return broadcast(left, right, expr);
    case 'mul':
      // Two vectors multiplied are their dot product, as in mathjs and as `w^T x` means.
      if (left.kind === 'vector' && right.kind === 'vector') {
        broadcast(left, right, expr);
        return SCALAR;
      }
      return broadcast(left, right, expr);
    case 'div':
      if (right.kind === 'vector') fail('vector_division', expr);
      return left;
    case 'pow':
      if (left.kind === 'vector' || right.kind === 'vector') fail('vector_power', expr);
      return SCALAR;
    case 'emul':
    case 'ediv':
    case 'epow':
      return broadcast(left, right, expr);
  }
}

function call(expr: Expr & { kind: 'call' }, args: Shape[]): Shape {
  const [first = SCALAR, second] = args;
  if (!VECTOR_FUNCTIONS.has(expr.fn)) return first;
  switch (expr.fn) {
    case 'max':
    case 'min':
      return second === undefined ? SCALAR : broadcast(first, second, expr);
    case 'dot':
      if (first.kind !== 'vector' || second?.kind !== 'vector') fail('dot_of_scalar', expr);
      broadcast(first, second, expr);
      return SCALAR;
    default:
      return SCALAR;
  }
}
