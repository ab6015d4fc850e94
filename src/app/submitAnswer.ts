import { reasonCode, type Verdict } from '../core/grading/verdict.ts';
import { pointsFor } from '../core/scoring/index.ts';
import type { AppContext, QuizLocation, UserRef } from './context.ts';
import { currentPart } from './currentPart.ts';
import { newAttempt } from './newAttempt.ts';
import { afterAnswer, progressOf } from './partProgress.ts';
import type { AttemptRecord, QuizRecord } from './ports/index.ts';
import { quizCard } from './quizCard.ts';
import { rateLimitAt } from './rateLimit.ts';
import { retryWhileStale, STALE } from './retryWhileStale.ts';

export interface SubmitAnswerInput extends QuizLocation {
  /** Names the answer's source (`discord:message:<id>`, `console:<uuid>` …): a redelivery counts once. */
  readonly externalId: string;
  readonly user: UserRef;
  readonly input: string;
  /** The part answered; by default the user's current part of the quiz. */
  readonly part?: string;
  /** An answer to an intermediate step (`/step`). */
  readonly isStep?: boolean;
}

export type SubmitAnswerResult =
  | {
      readonly kind: 'graded';
      readonly attempt: AttemptRecord;
      readonly verdict: Verdict;
      readonly quiz: QuizRecord;
      readonly points: number;
      /** This answer solved the part for the first time ever (it may still earn 0 after giving up). */
      readonly firstSolve: boolean;
      /** The part to answer next in this quiz; null once every part is solved. */
      readonly nextPart: string | null;
    }
  /** This externalId was recorded before: nothing new is written; here is what it got. */
  | { readonly kind: 'duplicate'; readonly attempt: AttemptRecord }
  | { readonly kind: 'slow_down'; readonly limit: number }
  | { readonly kind: 'no_quiz' }
  | { readonly kind: 'quiz_finished'; readonly quiz: QuizRecord }
  | { readonly kind: 'card_unavailable'; readonly cardId: string }
  /** The quiz's card is a flashcard: it is revealed and rated, not answered. */
  | { readonly kind: 'flashcard'; readonly quiz: QuizRecord }
  | { readonly kind: 'unknown_part'; readonly part: string; readonly parts: readonly string[] };

/**
 * Checks the user's rate limit, grades an answer and records it: the attempt, the progress it makes (and
 * the FSRS review when it solves the part) and its points commit atomically, serialised per user, so
 * concurrent answers of one user (and a redelivered externalId) are counted exactly once.
 *
 * Two round trips: one read (duplicate, quiz, solved parts, progress, recent answers), then one write
 * that records only if the progress has not moved since it was read. When it has (the same user
 * answered the same part concurrently), the answer is read, decided and written again.
 */
export async function submitAnswer(ctx: AppContext, input: SubmitAnswerInput): Promise<SubmitAnswerResult> {
  const now = ctx.clock.now();
  const rateLimit = rateLimitAt(ctx, now);
  let verdict: Verdict | undefined;
  return retryWhileStale(ctx, input.user.id, async (): Promise<SubmitAnswerResult | typeof STALE> => {
    const context = await ctx.store.answers.context({
      userId: input.user.id,
      location: input,
      answering: true,
      externalId: input.externalId,
      attemptsSince: rateLimit.since,
    });
    if (context.duplicate) return { kind: 'duplicate', attempt: context.duplicate };
    // Checked before grading, so that a flood of answers costs a read each, not a grading each; the
    // write checks again under the user's lock, for answers that raced past this read.
    if (context.recentAttempts >= rateLimit.limit) return { kind: 'slow_down', limit: rateLimit.limit };

    const found = quizCard(ctx, context.quiz);
    if (found.kind !== 'found') return found;
    const { quiz, card } = found;
    const { solvedInQuiz } = context;
    if (card.grading === 'self') return { kind: 'flashcard', quiz };
    const part = input.part ?? currentPart(card, solvedInQuiz);
    if (part === undefined) return { kind: 'quiz_finished', quiz };
    if (!card.parts.some((candidate) => candidate.label === part)) {
      return { kind: 'unknown_part', part, parts: card.parts.map((candidate) => candidate.label) };
    }

    // Grading is pure and bounded (tens of µs, at most a few ms): once per answer, before anything is written.
    verdict ??= ctx.grade(card, part, input.input, ctx.rng);
    const { before, expectedVersion } = progressOf(context.progress, {
      userId: input.user.id,
      cardId: card.id,
      part,
    });
    const alreadySolved = before.solvedAt !== null;
    const points = pointsFor({
      verdict: verdict.verdict,
      difficulty: card.difficulty,
      // Before a first solve, every answer that counted was wrong.
      wrongBefore: alreadySolved ? 0 : before.attempts,
      hintsUsed: before.hintsUsed,
      alreadySolved,
      gaveUp: before.gaveUp,
    });
    const recorded = await ctx.store.answers.recordAnswer({
      user: input.user,
      attempt: newAttempt(quiz, {
        externalId: input.externalId,
        userId: input.user.id,
        createdAt: now,
        input: input.input,
        part,
        verdict: verdict.verdict,
        isStep: input.isStep ?? false,
        points,
        mistake: verdict.mistake ?? null,
        feedback: reasonCode(verdict.reason),
        signature: verdict.signature ?? null,
        // Analytics' tries to a first solve, known here without reading the history again.
        solveTries: verdict.verdict === 'correct' && !alreadySolved ? before.attempts + 1 : null,
      }),
      progress: { progress: afterAnswer(before, verdict.verdict, now), expectedVersion },
      rateLimit,
    });
    switch (recorded.kind) {
      case 'recorded': {
        const solved = verdict.verdict === 'correct';
        return {
          kind: 'graded',
          attempt: recorded.attempt,
          verdict,
          quiz,
          points: recorded.attempt.points,
          firstSolve: solved && !alreadySolved,
          nextPart: currentPart(card, solved ? new Set([...solvedInQuiz, part]) : solvedInQuiz) ?? null,
        };
      }
      case 'duplicate':
        return { kind: 'duplicate', attempt: recorded.attempt };
      case 'slow_down':
        return { kind: 'slow_down', limit: rateLimit.limit };
      case 'stale':
        return STALE;
    }
  });
}
