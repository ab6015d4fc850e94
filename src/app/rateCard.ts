import { SELF_PART, type Card } from '../core/cards/card.ts';
import { progressStatus, RATING_NAMES, scheduleReview, type ReviewRating } from '../core/scoring/index.ts';
import type { AppContext, QuizLocation, UserRef } from './context.ts';
import { emptyProgress } from './emptyProgress.ts';
import type { AttemptRecord, QuizRecord } from './ports.ts';
import { resolveQuiz } from './resolveQuiz.ts';

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
  const quiz = await resolveQuiz(ctx.store, input);
  if (!quiz) return { kind: 'no_quiz' };
  const card = ctx.catalog.get(quiz.cardId);
  if (!card) return { kind: 'card_unavailable', cardId: quiz.cardId };
  if (card.grading !== 'self') return { kind: 'not_flashcard', quiz };
  await ctx.store.ensureUser(input.user);
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx): Promise<RateCardResult> => {
    await tx.lockUser(input.user.id);
    const known = await tx.findAttempt(input.externalId);
    if (known) return { kind: 'duplicate', attempt: known };
    const before =
      (await tx.getProgress(input.user.id, card.id, SELF_PART)) ??
      emptyProgress(input.user.id, card.id, SELF_PART);
    const review = scheduleReview(before, input.rating, now);
    const recalled = input.rating > 1;
    const attempts = before.attempts + 1;
    await tx.saveProgress({
      ...before,
      ...review,
      attempts,
      solvedAt: before.solvedAt ?? (recalled ? now : null),
      status: progressStatus({
        attempts,
        solved: recalled || before.solvedAt !== null,
        stability: review.stability,
        lastRating: input.rating,
      }),
    });
    const attempt = await tx.insertAttempt({
      externalId: input.externalId,
      verdict: 'self_rated',
      input: RATING_NAMES[input.rating],
      cardId: card.id,
      part: SELF_PART,
      isStep: false,
      userId: input.user.id,
      createdAt: now,
      quizId: quiz.id,
      guildId: quiz.guildId,
      channelId: quiz.channelId,
      points: 0,
      mistake: null,
      feedback: '',
      rating: input.rating,
    });
    return { kind: 'rated', attempt, quiz, card, due: review.due ?? now };
  });
}
