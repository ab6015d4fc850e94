import type { VerdictName } from '../grading/verdict.ts';

/** What decides the points of one graded answer. */
export interface PointsInput {
  readonly verdict: VerdictName;
  /** The card's difficulty, 1–5. */
  readonly difficulty: number;
  /** Incorrect answers to this part before this one (the user never solved it before). */
  readonly wrongBefore: number;
  /** Hints this user took for this part. */
  readonly hintsUsed: number;
  /** The user already solved this part once: practice earns nothing. */
  readonly alreadySolved: boolean;
  /** The user gave up the card (revealed its solution) before solving this part. */
  readonly gaveUp: boolean;
}

const POINTS_PER_DIFFICULTY = 10;
const WRONG_ANSWER_PENALTY = 0.2;
const HINT_PENALTY = 0.1;
/** However it went, a first solve keeps at least this share of its points. */
const POINTS_FLOOR = 0.3;

/**
 * The points one answer earns:
 * $$\operatorname{round}\bigl(10 d \cdot \max(0.3,\ 1 - 0.2\,w - 0.1\,h)\bigr)$$
 * for a `correct` first solve of a part (difficulty d, w incorrect answers before it, h hints), and 0
 * for anything else: `incorrect`, `invalid`, `not_simplified`, a part solved before, or a card given up.
 */
export function pointsFor(input: PointsInput): number {
  if (input.verdict !== 'correct' || input.alreadySolved || input.gaveUp) return 0;
  const difficulty = Math.min(5, Math.max(1, Math.round(input.difficulty)));
  const share = Math.max(
    POINTS_FLOOR,
    1 - WRONG_ANSWER_PENALTY * input.wrongBefore - HINT_PENALTY * input.hintsUsed,
  );
  return Math.round(POINTS_PER_DIFFICULTY * difficulty * share);
}
