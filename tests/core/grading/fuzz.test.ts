import { describe, expect, it } from 'vitest';
import { findPart, gradeAgainst, preparePart } from '../../../src/core/grading/index.ts';
import { seededRng } from '../../../src/core/random/rng.ts';
import { FIRST_CARD_FILE, shippedCard } from '../../helpers/cards.ts';
import { mutate, pick, randomText, VALID } from '../../helpers/fuzzInputs.ts';

describe('GIVEN 10,000 generated answers to the first card', () => {
  it('THEN the grader never throws, answers each within 1 s with one of the four verdicts', () => {
    const card = shippedCard(FIRST_CARD_FILE);
    const preparation = preparePart(card, findPart(card, '1')!, seededRng(3));
    if (!preparation.ok) throw new Error(preparation.reason);
    const rng = seededRng(777);
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const text = i % 2 === 0 ? randomText(rng) : mutate(rng, pick(rng, VALID));
      const started = performance.now();
      let verdict: string;
      try {
        verdict = gradeAgainst(preparation.prepared, text).verdict;
      } catch (thrown) {
        throw new Error(`the grader threw on ${JSON.stringify(text)}: ${String(thrown)}`);
      }
      expect(performance.now() - started, JSON.stringify(text)).toBeLessThan(1000);
      seen.add(verdict);
    }
    // Mutations of right answers stay right, turn wrong or unreadable: every stage of the grader is exercised.
    expect([...seen].sort()).toEqual(
      ['correct', 'incorrect', 'invalid', 'not_simplified'].filter((v) => seen.has(v)),
    );
    expect(seen.has('correct') && seen.has('incorrect') && seen.has('invalid')).toBe(true);
  });
});
