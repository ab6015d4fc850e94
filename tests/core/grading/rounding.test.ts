import { describe, expect, it } from 'vitest';
import { cardFromText, cardText, grade } from '../../helpers/cards.ts';
import { feedbackOf } from '../../support/words.ts';

/**
 * ∂ℓ/∂t = (t - 3)^10 near its root: expanded, the student's own form adds terms of about 10⁷ that
 * cancel to about 10⁻¹⁰, so plain floating point leaves an error of about 10⁻⁸ (issue 10).
 */
const card = cardFromText(
  cardText(`  vars:
    t: { range: [2.9, 3.1] }
  loss: "(t - 3)^11 / 11"
  wrt: t
  answer: "(t - 3)^10"`),
);

const EXPANDED =
  't^10 - 30t^9 + 405t^8 - 3240t^7 + 17010t^6 - 61236t^5 + 153090t^4 - 262440t^3 + 295245t^2 - 196830t + 59049';

describe('GIVEN a correct expanded polynomial evaluated near its root', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('THEN it is correct, not refused for rounding (seed %i)', (seed) => {
    const v = grade(card, '1', EXPANDED, seed);
    expect(v.verdict, feedbackOf(v)).toBe('correct');
  });

  it.each([
    ['a coefficient off by one', EXPANDED.replace('59049', '59050')],
    ['a term dropped', EXPANDED.replace(' - 196830t', '')],
    ['a small error hidden behind huge cancelling terms', '(t - 3)^10 + 0.001 + 1e12 - 1e12'],
    ['the unexpanded form off by 1e-5', '(t - 3)^10 + 1e-5'],
  ])('THEN %s is still incorrect', (_, answer) => {
    expect(grade(card, '1', answer).verdict).toBe('incorrect');
  });
});
