import type { NumericCard as Card, Part } from '../cards/card.ts';
import type { Rng } from '../random/rng.ts';
import { gradeAgainst } from './grade.ts';
import { preparePart } from './prepare.ts';
import type { Verdict } from './verdict.ts';

export { gradeAgainst } from './grade.ts';
export { preparePart, type PreparedPart } from './prepare.ts';
export { reasonCode, type Verdict } from './verdict.ts';

/** The part of a card with this label (`1` and `"1"` are the same label). */
export function findPart(card: Card, label: string | number): Part | undefined {
  return card.parts.find((p) => p.label === String(label));
}

/** Grades one answer to one part at fresh random points drawn from `rng`. */
export function gradeAnswer(card: Card, part: Part, input: string, rng: Rng): Verdict {
  const preparation = preparePart(card, part, rng);
  if (!preparation.ok) return { verdict: 'invalid', reason: { code: 'cannot_grade', subject: 'card' } };
  return gradeAgainst(preparation.prepared, input);
}
