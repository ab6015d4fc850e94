/** The four outcomes of grading an answer (SPEC section 1, "Verdicts"). */
export type VerdictName = 'correct' | 'incorrect' | 'not_simplified' | 'invalid';

export interface Verdict {
  readonly verdict: VerdictName;
  /** A code naming a recognised mistake (`sign`, `shape`, `card:<id>`, `constant_factor:2` …). */
  readonly mistake?: string;
  /** `other_sign_convention` when the negated gradient was accepted under `sign: either`. */
  readonly note?: string;
  /** What the student reads: a sentence or two. */
  readonly feedback: string;
  /** The answer as the reader understood it, when it got that far. */
  readonly normalized?: string;
}

/** Whether a verdict counts as an attempt (SPEC: invalid and not_simplified cost nothing). */
export function countsAsAttempt(verdict: VerdictName): boolean {
  return verdict === 'correct' || verdict === 'incorrect';
}
