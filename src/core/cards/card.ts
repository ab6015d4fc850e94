import type { Expr } from '../expr/ast.ts';
import type { Shape } from '../expr/shape.ts';

/** How one var of a random point is drawn (the card's `check.vars`). */
export type VarSpec =
  /** An integer drawn from an inclusive range, anew for every point. */
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  /** A real scalar drawn uniformly from a range. */
  | { readonly kind: 'real'; readonly min: number; readonly max: number }
  /** One of a few values. */
  | { readonly kind: 'choice'; readonly values: readonly number[] }
  /** A vector of reals; its length is an integer var or a literal. */
  | { readonly kind: 'vector'; readonly length: string | number; readonly min: number; readonly max: number }
  /** A matrix of reals, rows × cols, each an integer var or a literal; stored row by row. */
  | {
      readonly kind: 'matrix';
      readonly rows: string | number;
      readonly cols: string | number;
      readonly min: number;
      readonly max: number;
    }
  /** A class drawn uniformly, as a one-hot vector of this length (a classifier's target). */
  | { readonly kind: 'onehot'; readonly length: string | number };

/** The dimensions a var is drawn with: a vector's length, a matrix's rows and columns. */
export function dimensionsOf(spec: VarSpec): readonly (string | number)[] {
  switch (spec.kind) {
    case 'vector':
    case 'onehot':
      return [spec.length];
    case 'matrix':
      return [spec.rows, spec.cols];
    default:
      return [];
  }
}

/** The shape of a var's values. */
export function shapeOfVar(spec: VarSpec): Shape {
  switch (spec.kind) {
    case 'vector':
    case 'onehot':
      return { kind: 'vector', length: spec.length };
    case 'matrix':
      return { kind: 'matrix', rows: spec.rows, cols: spec.cols };
    default:
      return { kind: 'scalar' };
  }
}

export type SignRule = 'strict' | 'either';

/** A known wrong answer with its own feedback. */
export interface KnownMistake {
  readonly id: string;
  readonly answer: string;
  readonly expr: Expr;
  readonly feedback: string;
}

/** One part of a card, with everything it inherits from the card resolved. */
export interface Part {
  readonly label: string;
  readonly prompt: string;
  readonly loss: Expr;
  readonly lossSource: string;
  readonly wrt: string;
  readonly answer: Expr;
  readonly answerSource: string;
  readonly sign: SignRule;
  readonly require: readonly string[];
  readonly forbid: readonly string[];
  readonly hints: readonly string[];
  readonly mistakes: readonly KnownMistake[];
  /** Where the part's `answer` and `mistakes` are written, as field paths, for the card checker. */
  readonly fields: { readonly answer: string; readonly mistakes: string };
}

/** A `given` name: defined from vars (and earlier given names), in order. */
export interface Given {
  readonly name: string;
  readonly source: string;
  readonly expr: Expr;
}

/** What every card has, however it is graded. */
export interface CardInfo {
  readonly id: string;
  /** Path relative to the seeds folder. */
  readonly file: string;
  readonly course: string;
  readonly tags: readonly string[];
  readonly difficulty: number;
  /** The author's word (`derivation`, `concept`, `definition`, …); it does not decide the grading. */
  readonly type: string;
  readonly status?: string;
  /** The Markdown body below the front matter, unchanged. */
  readonly body: string;
  readonly question: string;
  readonly solution?: string;
  /** A hash of the file's text: the store syncs cards by it. */
  readonly contentHash: string;
}

/** Where a card's `check` block comes from: the author's, one drafted from its text, or none. */
export type CheckSource = 'written' | 'drafted' | 'none';

/** A card graded by the grader: its check block read, its expressions parsed. */
export interface NumericCard extends CardInfo {
  readonly grading: 'numeric';
  readonly check: 'written' | 'drafted';
  readonly vars: ReadonlyMap<string, VarSpec>;
  readonly given: readonly Given[];
  /** Shapes of every var and given name. */
  readonly shapes: ReadonlyMap<string, Shape>;
  readonly aliases: ReadonlyMap<string, string>;
  readonly parts: readonly Part[];
}

/** A flashcard: the student reveals the solution and rates their own recall. */
export interface SelfCard extends CardInfo {
  readonly grading: 'self';
  readonly check: 'written' | 'none';
  /** Why a derivation is served as a flashcard (a wrong written block, a draft that failed). */
  readonly fallback?: string;
}

export type Card = NumericCard | SelfCard;

/** A flashcard has one part, `"1"`, whose answer is a rating. */
export const SELF_PART = '1';

/** The part labels of any card. */
export function partLabels(card: Card): readonly string[] {
  return card.grading === 'numeric' ? card.parts.map((p) => p.label) : [SELF_PART];
}

export function isNumeric(card: Card): card is NumericCard {
  return card.grading === 'numeric';
}
