import { countsAsAttempt, type VerdictName } from '../../src/core/grading/verdict.ts';
import { pointsFor } from '../../src/core/scoring/index.ts';

/** An `Attempt` row with what its points depend on. */
export interface ScoredAttempt {
  readonly userId: string;
  readonly cardId: string;
  readonly part: string;
  readonly verdict: string;
  readonly points: number;
  readonly createdAt: Date;
}

/** Attempts whose stored points differ from the rules, and the sums of both. */
export interface PointsCheck {
  readonly recomputed: number;
  readonly stored: number;
  readonly ledger: number;
  readonly wrongRows: number;
}

/**
 * The points every attempt should have earned, replayed from the attempts alone with the core's
 * rules: per user, card and part, in order, wrong answers before the first solve lower it, and
 * anything after it earns nothing. The soak's students take no hints and never give up. `ledger` is
 * the points ledger's sum, which must match too.
 */
export function checkPoints(
  attempts: readonly ScoredAttempt[],
  difficultyOf: (cardId: string) => number,
  ledger: number,
): PointsCheck {
  const sorted = [...attempts].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const progress = new Map<string, { attempts: number; solved: boolean }>();
  let recomputed = 0;
  let stored = 0;
  let wrongRows = 0;
  for (const attempt of sorted) {
    const key = `${attempt.userId}\u0000${attempt.cardId}\u0000${attempt.part}`;
    const before = progress.get(key) ?? { attempts: 0, solved: false };
    const verdict = attempt.verdict as VerdictName;
    const points = pointsFor({
      verdict,
      difficulty: difficultyOf(attempt.cardId),
      wrongBefore: before.solved ? 0 : before.attempts,
      hintsUsed: 0,
      alreadySolved: before.solved,
      gaveUp: false,
    });
    progress.set(key, {
      attempts: before.attempts + (countsAsAttempt(verdict) ? 1 : 0),
      solved: before.solved || verdict === 'correct',
    });
    recomputed += points;
    stored += attempt.points;
    if (points !== attempt.points) wrongRows++;
  }
  return { recomputed, stored, ledger, wrongRows };
}
