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
  | { readonly kind: 'vector'; readonly length: string | number; readonly min: number; readonly max: number };

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

/** A card ready to be graded: its front matter checked, its expressions read. */
export interface Card {
  readonly id: string;
  /** Path relative to the seeds folder. */
  readonly file: string;
  readonly course: string;
  readonly tags: readonly string[];
  readonly difficulty: number;
  readonly type: 'derivation';
  readonly status?: string;
  /** The Markdown body below the front matter, unchanged. */
  readonly body: string;
  readonly question: string;
  readonly solution?: string;
  readonly vars: ReadonlyMap<string, VarSpec>;
  readonly given: readonly Given[];
  /** Shapes of every var and given name. */
  readonly shapes: ReadonlyMap<string, Shape>;
  readonly aliases: ReadonlyMap<string, string>;
  readonly parts: readonly Part[];
  /** A hash of the file's text: the store syncs cards by it. */
  readonly contentHash: string;
}
