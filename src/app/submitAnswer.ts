import { countsAsAttempt, type Verdict } from '../core/grading/verdict.ts';
import { pointsFor, progressStatus, reviewRating, scheduleReview } from '../core/scoring/index.ts';
import type { AppContext, QuizLocation, UserRef } from './context.ts';
import { currentPart } from './currentPart.ts';
import { emptyProgress } from './emptyProgress.ts';
import type { AttemptRecord, ProgressRecord, QuizRecord } from './ports.ts';

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

const MINUTE_MS = 60_000;

/**
 * Checks the user's rate limit, grades an answer and records it: the attempt, the progress it makes (and the FSRS review when it
 * solves the part) and its points commit atomically, serialised per user, so concurrent answers of one
 * user (and a redelivered externalId) are counted exactly once.
 *
 * The fast path takes two round trips: one read (duplicate, quiz, solved parts, progress), then one
 * statement that records under the user's lock if the progress has not moved since it was read. When it
 * has (the same user answered the same part concurrently), the answer is recorded again the safe way: in
 * a transaction that locks the user before reading.
 */
export async function submitAnswer(ctx: AppContext, input: SubmitAnswerInput): Promise<SubmitAnswerResult> {
  const now = ctx.clock.now();
  const rateLimit = { limit: ctx.answersPerMinute, since: new Date(now.getTime() - MINUTE_MS) };
  const context = await ctx.store.answerContext({
    externalId: input.externalId,
    userId: input.user.id,
    location: input,
    attemptsSince: rateLimit.since,
  });
  if (context.duplicate) return { kind: 'duplicate', attempt: context.duplicate };
  // Checked before grading, so that a flood of answers costs a read each, not a grading each; the
  // record below checks again under the user's lock, for answers that raced past this read.
  if (context.recentAttempts >= rateLimit.limit) return { kind: 'slow_down', limit: ctx.answersPerMinute };

  const { quiz, solvedInQuiz } = context;
  if (!quiz) return { kind: 'no_quiz' };
  const card = ctx.catalog.get(quiz.cardId);
  if (!card) return { kind: 'card_unavailable', cardId: quiz.cardId };
  if (card.grading === 'self') return { kind: 'flashcard', quiz };
  const part = input.part ?? currentPart(card, solvedInQuiz);
  if (part === undefined) return { kind: 'quiz_finished', quiz };
  if (!card.parts.some((candidate) => candidate.label === part)) {
    return { kind: 'unknown_part', part, parts: card.parts.map((candidate) => candidate.label) };
  }

  // Grading is pure and bounded (tens of µs, at most a few ms): it runs before anything is written.
  const verdict = ctx.grade(card, part, input.input, ctx.rng);
  const answer = (before: ProgressRecord) => {
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
    const attempt: Omit<AttemptRecord, 'id'> = {
      externalId: input.externalId,
      verdict: verdict.verdict,
      input: input.input,
      cardId: card.id,
      part,
      isStep: input.isStep ?? false,
      userId: input.user.id,
      createdAt: now,
      quizId: quiz.id,
      guildId: quiz.guildId,
      channelId: quiz.channelId,
      points,
      mistake: verdict.mistake ?? null,
      feedback: verdict.feedback,
      rating: null,
    };
    return { attempt, progress: progressAfter(before, verdict, now), firstSolve: !alreadySolved };
  };
  const graded = (attempt: AttemptRecord, firstSolve: boolean): SubmitAnswerResult => {
    const solvedNow = verdict.verdict === 'correct' ? new Set([...solvedInQuiz, part]) : solvedInQuiz;
    return {
      kind: 'graded',
      attempt,
      verdict,
      quiz,
      points: attempt.points,
      firstSolve: verdict.verdict === 'correct' && firstSolve,
      nextPart: currentPart(card, solvedNow) ?? null,
    };
  };

  const snapshot = context.progress.get(part);
  const fast = answer(snapshot?.record ?? emptyProgress(input.user.id, card.id, part));
  const recorded = await ctx.store.recordAnswer({
    user: input.user,
    attempt: fast.attempt,
    progress: fast.progress,
    expectedVersion: snapshot?.version ?? null,
    rateLimit,
  });
  switch (recorded.kind) {
    case 'recorded':
      return graded(recorded.attempt, fast.firstSolve);
    case 'duplicate':
      return { kind: 'duplicate', attempt: recorded.attempt };
    case 'slow_down':
      return { kind: 'slow_down', limit: ctx.answersPerMinute };
    case 'stale':
      break;
  }

  // The progress moved under us: lock the user (recordAnswer created them), read again, record.
  return ctx.store.transaction(async (tx): Promise<SubmitAnswerResult> => {
    await tx.lockUser(input.user.id);
    const again = await tx.findAttempt(input.externalId);
    if (again) return { kind: 'duplicate', attempt: again };
    if ((await tx.countAttemptsSince(input.user.id, rateLimit.since)) >= rateLimit.limit) {
      return { kind: 'slow_down', limit: ctx.answersPerMinute };
    }
    const before =
      (await tx.getProgress(input.user.id, card.id, part)) ?? emptyProgress(input.user.id, card.id, part);
    const safe = answer(before);
    const attempt = await tx.insertAttempt(safe.attempt);
    if (attempt.points > 0) {
      await tx.addPoints({
        attemptId: attempt.id,
        guildId: quiz.guildId,
        channelId: quiz.channelId,
        userId: input.user.id,
        points: attempt.points,
        createdAt: now,
      });
    }
    await tx.saveProgress(safe.progress);
    return graded(attempt, safe.firstSolve);
  });
}

/** A part's progress after one graded answer: a correct one is an FSRS review rated by how the round went. */
function progressAfter(before: ProgressRecord, verdict: Verdict, now: Date): ProgressRecord {
  const attempts = before.attempts + (countsAsAttempt(verdict.verdict) ? 1 : 0);
  if (verdict.verdict !== 'correct') {
    const roundWrong = before.roundWrong + (verdict.verdict === 'incorrect' ? 1 : 0);
    return {
      ...before,
      attempts,
      roundWrong,
      status: progressStatus({ attempts, solved: before.solvedAt !== null, stability: before.stability }),
    };
  }
  const rating = reviewRating({ solved: true, wrong: before.roundWrong, hints: before.roundHints });
  const review = scheduleReview(before, rating, now);
  return {
    ...before,
    ...review,
    attempts,
    roundWrong: 0,
    roundHints: 0,
    solvedAt: before.solvedAt ?? now,
    status: progressStatus({ attempts, solved: true, stability: review.stability, lastRating: rating }),
  };
}
