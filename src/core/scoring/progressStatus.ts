import type { ReviewRating } from './reviewRating.ts';

export type ProgressStatus = 'to_learn' | 'learning' | 'mastered';

/** FSRS stability (days) from which a part counts as mastered: Anki's threshold for a "mature" card. */
const MASTERED_STABILITY_DAYS = 21;

/**
 * to_learn until a first answer counts; learning from then on; mastered once solved with a latest
 * review that went well (good or easy) and a memory stable for 21 days or more — one solve never
 * reaches it (a first easy review gives about 8 days). A bad review sends it back to learning.
 */
export function progressStatus(input: {
  readonly attempts: number;
  readonly solved: boolean;
  readonly stability: number;
  readonly lastRating?: ReviewRating;
}): ProgressStatus {
  if (input.attempts === 0 && !input.solved && input.stability === 0) return 'to_learn';
  const wentWell = input.lastRating !== undefined && input.lastRating >= 3;
  return input.solved && wentWell && input.stability >= MASTERED_STABILITY_DAYS ? 'mastered' : 'learning';
}
