import type { Algebra } from './algebra.ts';
import type { BinaryOp, Expr } from './ast.ts';
import { nodeShapes, type Length, type Shape } from './shape.ts';
import { linearAlgebra } from './linearAlgebra.ts';

/**
 * A runtime value: a scalar, or the entries of a vector or matrix. A matrix is stored row by row in
 * one flat array, so that everything done entry by entry (sums, `.*`, the comparison with the
 * reference, the seeding of dual numbers) treats it as a vector; only the operations that need its
 * dimensions (products, transposes) read them from its shape.
 */
export type Val<T> = T | readonly T[];

/** Where a compiled expression finds each name (its slot in a frame), and the shape of each name. */
export interface Layout {
  readonly slots: ReadonlyMap<string, number>;
  readonly shapes: ReadonlyMap<string, Shape>;
}

/** What a compiled expression reads: one value per name slot, and the current index letters. */
export interface Frame<T> {
  readonly values: Val<T>[];
  readonly letters: Record<string, number>;
}

export type Compiled<T> = (frame: Frame<T>) => Val<T>;

/** A fixed index (`x_9`) beyond the vector's length at some point: the answer cannot be evaluated. */
export class IndexOutOfRange extends Error {
  constructor(
    readonly vectorName: string,
    readonly position: number,
    readonly length: number,
  ) {
    super(`${vectorName}_${position} with ${length} components`);
  }
}

const isVector = <T>(v: Val<T>): v is readonly T[] => Array.isArray(v);

const CONSTANTS: Record<string, number> = { e: Math.E, pi: Math.PI };

/** The vector-aware operations of one algebra, built once per algebra rather than at every compile. */
interface Ops<T> {
  readonly scalar: (v: Val<T>) => T;
  readonly map1: (f: (a: T) => T) => (v: Val<T>) => Val<T>;
  readonly map2: (f: (a: T, b: T) => T) => (a: Val<T>, b: Val<T>) => Val<T>;
  readonly dot: (a: readonly T[], b: readonly T[]) => T;
  readonly fold: (v: Val<T>, f: (a: T, b: T) => T, empty: T) => T;
  readonly elementwise: Record<Exclude<BinaryOp, 'mul'>, (a: Val<T>, b: Val<T>) => Val<T>>;
  /** `*` of a scalar and anything, and the dot product of two vectors (`w' x`). */
  readonly mul: (a: Val<T>, b: Val<T>) => Val<T>;
  readonly softmax: (v: Val<T>) => Val<T>;
  readonly neg: (v: Val<T>) => Val<T>;
  readonly fns: Record<string, (v: Val<T>) => Val<T>>;
}

const opsCache = new WeakMap<object, unknown>();

function opsFor<T>(alg: Algebra<T>): Ops<T> {
  const cached = opsCache.get(alg) as Ops<T> | undefined;
  if (cached !== undefined) return cached;
  const map1 =
    (f: (a: T) => T) =>
    (v: Val<T>): Val<T> =>
      isVector(v) ? v.map(f) : f(v);
  const map2 =
    (f: (a: T, b: T) => T) =>
    (a: Val<T>, b: Val<T>): Val<T> => {
      if (isVector(a)) return isVector(b) ? a.map((x, i) => f(x, b[i] as T)) : a.map((x) => f(x, b));
      return isVector(b) ? b.map((y) => f(a, y)) : f(a, b);
    };
  const dot = (a: readonly T[], b: readonly T[]): T =>
    a.reduce((acc, x, i) => alg.add(acc, alg.mul(x, b[i] as T)), alg.constant(0));
  const product = map2(alg.mul);
  const ops: Ops<T> = {
    scalar: (v) => (isVector(v) ? (v[0] as T) : v),
    map1,
    map2,
    dot,
    fold: (v, f, empty) => (isVector(v) ? (v.length === 0 ? empty : v.reduce(f)) : v),
    elementwise: {
      add: map2(alg.add),
      sub: map2(alg.sub),
      div: map2(alg.div),
      pow: map2(alg.pow),
      emul: product,
      ediv: map2(alg.div),
      epow: map2(alg.pow),
    },
    mul: (a, b) => (isVector(a) && isVector(b) ? dot(a, b) : product(a, b)),
    softmax: (v) => {
      if (!isVector(v)) return alg.constant(1);
      // Shifted by the largest entry so that no exponential overflows; the shift cancels exactly.
      const top = v.reduce(alg.max);
      const exps = v.map((x) => alg.exp(alg.sub(x, top)));
      const total = exps.reduce(alg.add);
      return exps.map((x) => alg.div(x, total));
    },
    neg: map1(alg.neg),
    fns: Object.fromEntries(
      (['sigma', 'tanh', 'relu', 'softplus', 'exp', 'log', 'sqrt', 'abs'] as const).map((fn) => [
        fn,
        map1(alg[fn]),
      ]),
    ),
  };
  opsCache.set(alg, ops);
  return ops;
}

/**
 * Compiles a shape-checked expression into a closure over an algebra. Names are resolved to slots
 * once, and each product to the operation its operands' shapes call for, so that evaluating at a
 * point is a walk over closures with no lookups by name.
 */
export function compile<T>(expr: Expr, alg: Algebra<T>, layout: Layout): Compiled<T> {
  const { slots } = layout;
  const { scalar, map2, dot, fold, elementwise, mul, neg, fns, softmax } = opsFor(alg);
  const table = nodeShapes(expr, layout.shapes);
  const shapeOf = (e: Expr): Shape => table.get(e) ?? { kind: 'scalar' };
  const linear = linearAlgebra(alg);
  /** A dimension at a point: a literal, or the value of its integer var. */
  const dimension = (length: Length): ((frame: Frame<T>) => number) => {
    if (typeof length === 'number') return () => length;
    const slot = slots.get(length) ?? -1;
    return (frame) => alg.value(frame.values[slot] as T);
  };
  const rowsOf = (shape: Shape): ((frame: Frame<T>) => number) =>
    dimension(shape.kind === 'matrix' ? shape.rows : 1);

  const go = (e: Expr): Compiled<T> => {
    switch (e.kind) {
      case 'num': {
        const c = alg.constant(e.value);
        return () => c;
      }
      case 'sym': {
        const slot = slots.get(e.name);
        if (slot === undefined) {
          const c = alg.constant(CONSTANTS[e.name] ?? Number.NaN);
          return () => c;
        }
        return (frame) => frame.values[slot] as Val<T>;
      }
      case 'index': {
        const slot = slots.get(e.name) ?? -1;
        const { name, index, column } = e;
        const shape = layout.shapes.get(name);
        if (column !== undefined && shape?.kind === 'matrix' && index.kind === 'letter') {
          const cols = dimension(shape.cols);
          const row = index.letter;
          return (frame) =>
            (frame.values[slot] as readonly T[])[
              (frame.letters[row] ?? 0) * cols(frame) + (frame.letters[column] ?? 0)
            ] as T;
        }
        return (frame) => {
          const v = frame.values[slot] as readonly T[];
          const i = index.kind === 'letter' ? (frame.letters[index.letter] ?? 0) : index.position - 1;
          if (i >= v.length) throw new IndexOutOfRange(name, i + 1, v.length);
          return v[i] as T;
        };
      }
      case 'neg': {
        const arg = go(e.arg);
        return (frame) => neg(arg(frame));
      }
      case 'binary': {
        const left = go(e.left);
        const right = go(e.right);
        if (e.op === 'mul') return product(shapeOf(e.left), shapeOf(e.right), left, right);
        const op = elementwise[e.op];
        return (frame) => op(left(frame), right(frame));
      }
      case 'call':
        return call(e.fn, e.args.map(go), e.args.map(shapeOf));
      case 'sum': {
        const body = go(e.body);
        const length = letterRange<T>(e.letter, e.body, layout, alg);
        const { letter } = e;
        return (frame) => {
          const saved = frame.letters[letter];
          let acc = alg.constant(0);
          for (let i = 0, n = length(frame); i < n; i++) {
            frame.letters[letter] = i;
            acc = alg.add(acc, scalar(body(frame)));
          }
          if (saved === undefined) delete frame.letters[letter];
          else frame.letters[letter] = saved;
          return acc;
        };
      }
    }
  };

  /** `*` by the shapes of its operands (`shape.ts`, `product`). */
  const product = (a: Shape, b: Shape, left: Compiled<T>, right: Compiled<T>): Compiled<T> => {
    const vectors = (frame: Frame<T>) => [left(frame) as readonly T[], right(frame) as readonly T[]] as const;
    if (a.kind === 'vector' && !a.row && b.kind === 'vector' && b.row)
      return (frame) => linear.outer(...vectors(frame));
    if (a.kind === 'matrix' && b.kind === 'matrix') {
      const rows = rowsOf(a);
      return (frame) => linear.matmul(...vectors(frame), rows(frame));
    }
    if (a.kind === 'matrix' && b.kind === 'vector') return (frame) => linear.matvec(...vectors(frame));
    if (a.kind === 'vector' && b.kind === 'matrix') return (frame) => linear.vecmat(...vectors(frame));
    return (frame) => mul(left(frame), right(frame));
  };

  const call = (fn: string, args: Compiled<T>[], shapes: readonly Shape[]): Compiled<T> => {
    const [a = () => alg.constant(Number.NaN), b] = args;
    switch (fn) {
      case 'transpose': {
        const [shape] = shapes;
        if (shape?.kind !== 'matrix') return a;
        const rows = rowsOf(shape);
        return (frame) => linear.transpose(a(frame) as readonly T[], rows(frame));
      }
      case 'outer':
        return (frame) => linear.outer(a(frame) as readonly T[], (b ?? a)(frame) as readonly T[]);
      case 'diag':
        return (frame) => linear.diag(a(frame) as readonly T[]);
      case 'softmax':
        return (frame) => softmax(a(frame));
      case 'sum':
        return (frame) => fold(a(frame), alg.add, alg.constant(0));
      case 'dot':
        return (frame) => mul(a(frame), b ? b(frame) : alg.constant(Number.NaN));
      case 'norm':
        return (frame) => {
          const v = a(frame);
          return isVector(v) ? alg.sqrt(dot(v, v)) : alg.abs(v);
        };
      case 'max':
      case 'min': {
        const f = fn === 'max' ? alg.max : alg.min;
        if (b === undefined) return (frame) => fold(a(frame), f, alg.constant(Number.NaN));
        const pair = map2(f);
        return (frame) => pair(a(frame), b(frame));
      }
      default: {
        const f = fns[fn] as (v: Val<T>) => Val<T>;
        return (frame) => f(a(frame));
      }
    }
  };

  return go(expr);
}

/** The first name indexed by `letter` in `expr`, and whether the letter runs over a matrix's columns. */
export function findIndexed(expr: Expr, letter: string): { name: string; column: boolean } | undefined {
  switch (expr.kind) {
    case 'index':
      if (expr.column === letter) return { name: expr.name, column: true };
      return expr.index.kind === 'letter' && expr.index.letter === letter
        ? { name: expr.name, column: false }
        : undefined;
    case 'neg':
      return findIndexed(expr.arg, letter);
    case 'binary':
      return findIndexed(expr.left, letter) ?? findIndexed(expr.right, letter);
    case 'call':
      for (const arg of expr.args) {
        const found = findIndexed(arg, letter);
        if (found !== undefined) return found;
      }
      return undefined;
    case 'sum':
      return expr.letter === letter ? undefined : findIndexed(expr.body, letter);
    default:
      return undefined;
  }
}

/**
 * How far a letter ranges, read from the first name it indexes: a vector's length, or a matrix's
 * rows or columns (its entries are stored row by row, so the columns are the length over the rows).
 */
function letterRange<T>(
  letter: string,
  expr: Expr,
  layout: Layout,
  alg: Pick<Algebra<T>, 'value'>,
): (frame: Frame<T>) => number {
  const found = findIndexed(expr, letter);
  const slot = found === undefined ? undefined : layout.slots.get(found.name);
  const shape = found === undefined ? undefined : layout.shapes.get(found.name);
  const rowsSlot = shape?.kind === 'matrix' ? (layout.slots.get(String(shape.rows)) ?? -1) : -1;
  const rowsOf = (frame: Frame<T>): number =>
    shape?.kind !== 'matrix'
      ? 1
      : typeof shape.rows === 'number'
        ? shape.rows
        : alg.value(frame.values[rowsSlot] as T);
  return (frame) => {
    const v = slot === undefined ? undefined : frame.values[slot];
    if (v === undefined || !isVector(v)) return 0;
    if (shape?.kind !== 'matrix') return v.length;
    const rows = rowsOf(frame);
    return found?.column === true ? v.length / rows : rows;
  };
}

/**
 * Evaluates a componentwise answer: the scalar body once for each value of its free letters —
 * `(y - yhat) * x_j` gives a vector, `delta_i * x_j` a matrix (stored row by row) whose rows go with
 * the first letter of `letters`.
 */
export function componentwise<T>(
  body: Compiled<T>,
  letters: readonly string[],
  expr: Expr,
  layout: Layout,
  alg: Pick<Algebra<T>, 'value'>,
): Compiled<T> {
  const [rowLetter = '', colLetter] = letters;
  const rows = letterRange<T>(rowLetter, expr, layout, alg);
  const cols = colLetter === undefined ? () => 1 : letterRange<T>(colLetter, expr, layout, alg);
  return (frame) => {
    const out: T[] = [];
    for (let i = 0, m = rows(frame), n = cols(frame); i < m; i++) {
      frame.letters[rowLetter] = i;
      for (let j = 0; j < n; j++) {
        if (colLetter !== undefined) frame.letters[colLetter] = j;
        const c = body(frame);
        out.push((isVector(c) ? c[0] : c) as T);
      }
    }
    for (const letter of letters) delete frame.letters[letter];
    return out;
  };
}
