import type { ProgressRecord } from './ports.ts';

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
