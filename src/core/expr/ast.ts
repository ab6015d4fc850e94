/**
 * The expression tree every part of gradquiz works on: what the reader produces from a student's
 * text or a card's field, what the evaluator differentiates and the printer shows. Plain data, so
 * that it can be inspected, compared and cached without mathjs.
 */

/** The functions students and card authors may call. Nothing else is ever evaluated. */
export const FUNCTION_NAMES = [
  'sigma',
  'tanh',
  'relu',
  'softplus',
  'exp',
  'log',
  'sqrt',
  'abs',
  'max',
  'min',
  'dot',
  'sum',
  'norm',
  'transpose',
  'outer',
  'diag',
  'softmax',
] as const;

export type FunctionName = (typeof FUNCTION_NAMES)[number];

/**
 * Binary operators: `*` is a scalar product, scalar × vector, the dot product of two vectors, the outer
 * product of a column and a row, or a matrix product (`shape.ts` says which).
 */
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'emul' | 'ediv' | 'epow';

/** The constants of the language. */
export const CONSTANT_NAMES = ['e', 'pi'] as const;

/** A component index: a letter (`x_j`, every component) or a 1-based position (`x_1`). */
export type IndexRef = { kind: 'letter'; letter: string } | { kind: 'position'; position: number };

export type Expr =
  | { kind: 'num'; value: number }
  /** A name of the card (a var or a given), or a constant (`e`, `pi`). */
  | { kind: 'sym'; name: string }
  /**
   * One component of a vector name (`x_j`, `x_1`), or with `column` the entry of a matrix name in
   * row `index`, column `column` (`W_ij`).
   */
  | { kind: 'index'; name: string; index: IndexRef; column?: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'call'; fn: FunctionName; args: Expr[] }
  /** `Σ_i body`: the body evaluated for every component i and added up. */
  | { kind: 'sum'; letter: string; body: Expr };

/** The shape of a name a card defines: a scalar (real or integer), a vector or a matrix. */
export type NameKind = 'scalar' | 'vector' | 'matrix';

/** What the reader needs to know about a card to read an expression for it. */
export interface Vocabulary {
  /** The card's names (vars and given) and their shapes. */
  readonly names: ReadonlyMap<string, NameKind>;
  /** The card's own aliases, variant → name; they win over the built-in ones. */
  readonly aliases: ReadonlyMap<string, string>;
}

/** The index letters a student may use for "every component". */
export const INDEX_LETTERS = ['i', 'j', 'k'] as const;
