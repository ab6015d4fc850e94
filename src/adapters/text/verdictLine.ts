import type { VerdictName } from '../../core/grading/verdict.ts';

/** The mark each verdict gets in every chat adapter (SPEC section 2). */
export const VERDICT_EMOJI: Readonly<Record<VerdictName, string>> = {
  correct: '✅',
  incorrect: '❌',
  invalid: '❓',
  not_simplified: '➖',
};

/** The verdict in words, so that it is clear without the emoji. */
export const VERDICT_WORDS: Readonly<Record<VerdictName, string>> = {
  correct: 'correct',
  incorrect: 'incorrect',
  invalid: 'could not read',
  not_simplified: 'not simplified',
};
