import type { ReadError } from '../reader/types.ts';
import type { Shape, ShapeError } from '../expr/shape.ts';
import type { AnswerCost } from './cost.ts';

/** The four outcomes of grading an answer (SPEC section 1, "Verdicts"). */
export type VerdictName = 'correct' | 'incorrect' | 'not_simplified' | 'invalid';

/**
 * Why an answer got its verdict, as data: a code from a closed set and what the words need. The
 * core says no sentence; each adapter owns the words (`src/adapters/text/feedbackWords.ts`).
 */
export type Reason =
  | { readonly code: 'correct'; readonly target: string }
  /** The negated gradient, accepted under `sign: either`. */
  | { readonly code: 'correct_other_sign'; readonly target: string }
  | {
      readonly code: 'not_simplified';
      readonly missing: readonly string[];
      readonly forbidden: readonly string[];
    }
  | { readonly code: 'sign'; readonly target: string }
  | { readonly code: 'mixed_sign'; readonly target: string }
  | { readonly code: 'differs'; readonly target: string; readonly wrong: number; readonly total: number }
  | { readonly code: 'shape'; readonly target: string; readonly got: Shape; readonly expected: Shape }
  | { readonly code: 'transpose'; readonly wrt: string; readonly matrix?: string }
  /** The scalar names and their values at the first point where the answer is undefined. */
  | { readonly code: 'undefined_at'; readonly at: readonly (readonly [string, number])[] }
  /** The card author's own words for a mistake they foresaw. */
  | { readonly code: 'card_mistake'; readonly id: string; readonly feedback: string }
  /** `2`, `1/2`, `-3`, `n`, `1/n`, … */
  | { readonly code: 'constant_factor'; readonly factor: string }
  | { readonly code: 'missing_factor' | 'extra_factor'; readonly factor: ChainFactor }
  | { readonly code: 'missing_term' | 'flipped_term'; readonly term: string }
  | { readonly code: 'ignores'; readonly name: string }
  | { readonly code: 'unreadable'; readonly error: ReadError }
  | { readonly code: 'shape_error'; readonly error: ShapeError }
  | {
      readonly code: 'too_much_work';
      readonly work: number;
      readonly budget: number;
      readonly loops: AnswerCost['loops'];
    }
  | {
      readonly code: 'index_out_of_range';
      readonly vector: string;
      readonly position: number;
      readonly length: number;
    }
  | { readonly code: 'no_part'; readonly label: string }
  /** The card (or step) itself cannot be graded: its gradient is undefined wherever points are drawn. */
  | { readonly code: 'cannot_grade'; readonly subject: 'card' | 'step' };

/** A link of the chain rule, `∂outer/∂inner`, named by the activation whose derivative it is, if any. */
export interface ChainFactor {
  readonly outer: string;
  readonly inner: string;
  /** The outer end is the loss itself (`∂ℓ/∂…`). */
  readonly ofLoss: boolean;
  /** A single link straight from the loss: the derivative of the loss with respect to `inner`. */
  readonly directLoss: boolean;
  /** The function (`sigma`, `tanh`, …) the link differentiates, when it is a call. */
  readonly fn?: string;
  /** An activation's derivative applied entry by entry (⊙). */
  readonly entrywise: boolean;
}

export interface Verdict {
  readonly verdict: VerdictName;
  /** A code naming a recognised mistake (`sign`, `shape`, `card:<id>`, `constant_factor:2` …). */
  readonly mistake?: string;
  /** `other_sign_convention` when the negated gradient was accepted under `sign: either`. */
  readonly note?: string;
  readonly reason: Reason;
  /** The answer as the reader understood it, when it got that far. */
  readonly normalized?: string;
}

/** Whether a verdict counts as an attempt (SPEC: invalid and not_simplified cost nothing). */
export function countsAsAttempt(verdict: VerdictName): boolean {
  return verdict === 'correct' || verdict === 'incorrect';
}

/**
 * A short, stable code for the verdict's reason, as an attempt row keeps it: the reason's code, and
 * for an answer that did not read, the reader's (`unreadable:syntax`) or the shape check's
 * (`shape_error:product_mismatch`) code after it.
 */
export function reasonCode(reason: Reason): string {
  if (reason.code === 'unreadable' || reason.code === 'shape_error')
    return `${reason.code}:${reason.error.code}`;
  return reason.code;
}
