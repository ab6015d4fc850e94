/** FSRS grades: 1 again, 2 hard, 3 good, 4 easy (the values of ts-fsrs' `Rating`). */
export type ReviewRating = 1 | 2 | 3 | 4;

/** The words a student rates their own recall with (a flashcard), in FSRS order. */
export const RATING_NAMES: Readonly<Record<ReviewRating, string>> = {
  1: 'again',
  2: 'hard',
  3: 'good',
  4: 'easy',
};

/** A rating as typed: its word (any case) or its number, `1`–`4`. */
export function parseRating(text: string): ReviewRating | undefined {
  const word = text.trim().toLowerCase();
  const rating = Number(Object.entries(RATING_NAMES).find(([n, name]) => name === word || n === word)?.[0]);
  return rating >= 1 ? (rating as ReviewRating) : undefined;
}

/** How the review of one part went, since its previous review. */
export interface ReviewOutcome {
  readonly solved: boolean;
  readonly wrong: number;
  readonly hints: number;
}

/**
 * Rates a review from how it went: giving up is `again`; a clean solve (no incorrect answer, no hint)
 * is `easy`; one slip (an incorrect answer or a hint) `good`; up to three `hard`; more `again`.
 */
export function reviewRating(outcome: ReviewOutcome): ReviewRating {
  if (!outcome.solved) return 1;
  const slips = outcome.wrong + outcome.hints;
  if (slips === 0) return 4;
  if (slips === 1) return 3;
  if (slips <= 3) return 2;
  return 1;
}
