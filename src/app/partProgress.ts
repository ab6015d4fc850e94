import { countsAsAttempt, type Verdict } from '../core/grading/verdict.ts';
import { progressStatus, reviewRating, scheduleReview, type ReviewRating } from '../core/scoring/index.ts';
import type { ProgressRecord, ProgressSnapshot } from './ports/index.ts';

/** A user's progress on a part they never touched. */
export function emptyProgress(userId: string, cardId: string, part: string): ProgressRecord {
  return {
    userId,
    cardId,
    part,
    status: 'to_learn',
    attempts: 0,
    hintsUsed: 0,
    roundWrong: 0,
    roundHints: 0,
    solvedAt: null,
    gaveUp: false,
    due: null,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 0,
    lastReview: null,
  };
}

/** A part's progress as read (empty when never touched) and the version a write must still find. */
export function progressOf(
  snapshots: ReadonlyMap<string, ProgressSnapshot>,
  key: { userId: string; cardId: string; part: string },
): { before: ProgressRecord; expectedVersion: number | null } {
  const snapshot = snapshots.get(key.part);
  return {
    before: snapshot?.record ?? emptyProgress(key.userId, key.cardId, key.part),
    expectedVersion: snapshot?.version ?? null,
  };
}

/** After one graded answer: a correct one is an FSRS review rated by how the round went. */
export function afterAnswer(before: ProgressRecord, verdict: Verdict['verdict'], now: Date): ProgressRecord {
  const attempts = before.attempts + (countsAsAttempt(verdict) ? 1 : 0);
  if (verdict !== 'correct') {
    const roundWrong = before.roundWrong + (verdict === 'incorrect' ? 1 : 0);
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

/** After a hint: it counts against the part's points and its next review. */
export function afterHint(before: ProgressRecord): ProgressRecord {
  return {
    ...before,
    hintsUsed: before.hintsUsed + 1,
    roundHints: before.roundHints + 1,
    status: before.status === 'to_learn' ? 'learning' : before.status,
  };
}

/** After giving the part up (revealing the solution unsolved): a review rated `again`, no more points. */
export function afterGivingUp(before: ProgressRecord, now: Date): ProgressRecord {
  const review = scheduleReview(
    before,
    reviewRating({ solved: false, wrong: before.roundWrong, hints: before.roundHints }),
    now,
  );
  return {
    ...before,
    ...review,
    gaveUp: true,
    roundWrong: 0,
    roundHints: 0,
    status: progressStatus({ attempts: before.attempts + 1, solved: false, stability: review.stability }),
  };
}

/** After a flashcard's self-rating: an FSRS review with that rating; recall that was not `again` solves it. */
export function afterRating(before: ProgressRecord, rating: ReviewRating, now: Date): ProgressRecord {
  const review = scheduleReview(before, rating, now);
  const recalled = rating > 1;
  const attempts = before.attempts + 1;
  return {
    ...before,
    ...review,
    attempts,
    solvedAt: before.solvedAt ?? (recalled ? now : null),
    status: progressStatus({
      attempts,
      solved: recalled || before.solvedAt !== null,
      stability: review.stability,
      lastRating: rating,
    }),
  };
}
