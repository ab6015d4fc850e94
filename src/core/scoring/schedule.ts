import { createEmptyCard, fsrs, type Card as FsrsCard, type Grade } from 'ts-fsrs';

import type { ReviewRating } from './reviewRating.ts';

/** The FSRS state kept with a user's progress on one part. */
export interface ReviewState {
  readonly due: Date | null;
  readonly stability: number;
  readonly difficulty: number;
  readonly elapsedDays: number;
  readonly scheduledDays: number;
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  /** ts-fsrs `State`: 0 new, 1 learning, 2 review, 3 relearning. */
  readonly state: number;
  readonly lastReview: Date | null;
}

const scheduler = fsrs({ enable_fuzz: false });

/** The state after a review rated `rating` at `now` (a part never reviewed starts as a new FSRS card). */
export function scheduleReview(previous: ReviewState, rating: ReviewRating, now: Date): ReviewState {
  const card: FsrsCard =
    previous.reps === 0 && previous.state === 0
      ? createEmptyCard(now)
      : {
          due: previous.due ?? now,
          stability: previous.stability,
          difficulty: previous.difficulty,
          elapsed_days: previous.elapsedDays,
          scheduled_days: previous.scheduledDays,
          learning_steps: previous.learningSteps,
          reps: previous.reps,
          lapses: previous.lapses,
          state: previous.state,
          ...(previous.lastReview ? { last_review: previous.lastReview } : {}),
        };
  const next = scheduler.next(card, now, rating as Grade).card;
  return {
    due: next.due,
    stability: next.stability,
    difficulty: next.difficulty,
    elapsedDays: next.elapsed_days,
    scheduledDays: next.scheduled_days,
    learningSteps: next.learning_steps,
    reps: next.reps,
    lapses: next.lapses,
    state: next.state,
    lastReview: next.last_review ?? now,
  };
}
