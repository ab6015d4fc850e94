import { SELF_PART, type Card } from '../core/cards/card.ts';
import { RATING_NAMES, type ReviewRating } from '../core/scoring/index.ts';
import type { AppContext, QuizLocation, UserRef } from './context.ts';
import { newAttempt } from './newAttempt.ts';
import { afterRating, progressOf } from './partProgress.ts';
import type { AttemptRecord, QuizRecord } from './ports/index.ts';
import { quizCard } from './quizCard.ts';
import { retryWhileStale, STALE } from './retryWhileStale.ts';

export interface RateCardInput extends QuizLocation {
  /** Names the rating's source (`discord:interaction:<id>`, `console:<uuid>`): a redelivery counts once. */
  readonly externalId: string;
  readonly user: UserRef;
  readonly rating: ReviewRating;
}

export type RateCardResult =
  | {
      readonly kind: 'rated';
      readonly attempt: AttemptRecord;
      readonly quiz: QuizRecord;
      readonly card: Card;
      /** When FSRS brings the card back for review. */
      readonly due: Date;
    }
  | { readonly kind: 'duplicate'; readonly attempt: AttemptRecord }
  | { readonly kind: 'no_quiz' }
  | { readonly kind: 'card_unavailable'; readonly cardId: string }
  /** The quiz's card is graded by the grader: it is answered, not rated. */
  | { readonly kind: 'not_flashcard'; readonly quiz: QuizRecord };

/**
 * Records a student's rating of their own recall of a flashcard: one `self_rated` attempt (no points,
 * not counted by the answer limit) and an FSRS review with that rating, in one transaction,
 * idempotent per externalId. Recall that was not `again` counts as solving the card.
 */
export async function rateCard(ctx: AppContext, input: RateCardInput): Promise<RateCardResult> {
  const now = ctx.clock.now();
  return retryWhileStale(ctx, input.user.id, async (): Promise<RateCardResult | typeof STALE> => {
    const context = await ctx.store.answers.context({
      userId: input.user.id,
      location: input,
      answering: false,
      externalId: input.externalId,
    });
    const found = quizCard(ctx, context.quiz);
    if (found.kind !== 'found') return found;
    const { quiz, card } = found;
    if (card.grading !== 'self') return { kind: 'not_flashcard', quiz };
    if (context.duplicate) return { kind: 'duplicate', attempt: context.duplicate };
    const { before, expectedVersion } = progressOf(context.progress, {
      userId: input.user.id,
      cardId: card.id,
      part: SELF_PART,
    });
    const after = afterRating(before, input.rating, now);
    const recorded = await ctx.store.answers.recordRating({
      user: input.user,
      attempt: newAttempt(quiz, {
        externalId: input.externalId,
        userId: input.user.id,
        createdAt: now,
        input: RATING_NAMES[input.rating],
        part: SELF_PART,
        verdict: 'self_rated',
        rating: input.rating,
      }),
      progress: { progress: after, expectedVersion },
    });
    switch (recorded.kind) {
      case 'recorded':
        return { kind: 'rated', attempt: recorded.attempt, quiz, card, due: after.due ?? now };
      case 'duplicate':
        return { kind: 'duplicate', attempt: recorded.attempt };
      case 'stale':
        return STALE;
    }
  });
}
