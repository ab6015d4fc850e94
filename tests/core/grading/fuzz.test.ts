import { describe, expect, it } from 'vitest';
import { findPart, gradeAgainst, preparePart } from '../../../src/core/grading/index.ts';
import { seededRng } from '../../../src/core/random/rng.ts';
import { FIRST_CARD_FILE, shippedCard } from '../../helpers/cards.ts';
import { mutate, pick, randomText, VALID } from '../../helpers/fuzzInputs.ts';
import type { PreparedPart } from '../../../src/core/grading/prepare.ts';

/** Grades `count` generated answers; fails on a throw or a hang; returns the verdicts seen. */
function fuzzGrader(prepared: PreparedPart, count: number, next: (i: number) => string): Set<string> {
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const text = next(i);
    const started = performance.now();
    let verdict: string;
    try {
      verdict = gradeAgainst(prepared, text).verdict;
    } catch (thrown) {
      throw new Error(`the grader threw on ${JSON.stringify(text)}: ${String(thrown)}`);
    }
    expect(performance.now() - started, JSON.stringify(text)).toBeLessThan(1000);
    seen.add(verdict);
  }
  return seen;
}

describe('GIVEN 10,000 generated answers to the first card', () => {
  it('THEN the grader never throws, answers each within 1 s with one of the four verdicts', () => {
    const card = shippedCard(FIRST_CARD_FILE);
    const preparation = preparePart(card, findPart(card, '1')!, seededRng(3));
    if (!preparation.ok) throw new Error(preparation.reason);
    const rng = seededRng(777);
    const seen = fuzzGrader(preparation.prepared, 10_000, (i) =>
      i % 2 === 0 ? randomText(rng) : mutate(rng, pick(rng, VALID)),
    );
    // Mutations of right answers stay right, turn wrong or unreadable: every stage of the grader is exercised.
    expect([...seen].sort()).toEqual(
      ['correct', 'incorrect', 'invalid', 'not_simplified'].filter((v) => seen.has(v)),
    );
    expect(seen.has('correct') && seen.has('incorrect') && seen.has('invalid')).toBe(true);
  });
});

/** Right answers to the two-layer card's ∂ℓ/∂W1, in the spellings students use, for mutation. */
const MATRIX_VALID = [
  "((W2' * delta2) .* (1 - a1 .^ 2)) * x'",
  '(W_2^T δ_2 ⊙ (1 - a_1.^2)) x^T',
  '(\\mathbf{W}_2^\\top \\delta_2 \\odot (1 - h.^2)) \\mathbf{x}^\\top',
  "outer((W2' * (yhat - y)) .* (1 - tanh(z1).^2), x)",
  "x * ((W2' * delta2) .* (1 - a1 .^ 2))'",
  "diag(1 - a1.^2) * W2' * delta2 * x'",
];

describe('GIVEN 4,000 generated answers to a two-layer card (∂ℓ/∂W1, a matrix)', () => {
  it('THEN the grader never throws and answers each within 1 s', () => {
    const card = shippedCard('019_two-layer-tanh-hidden-weights.md');
    const preparation = preparePart(card, findPart(card, '1')!, seededRng(3));
    if (!preparation.ok) throw new Error(preparation.reason);
    const rng = seededRng(778);
    const seen = fuzzGrader(preparation.prepared, 4_000, (i) =>
      i % 4 === 0 ? randomText(rng) : mutate(rng, pick(rng, MATRIX_VALID)),
    );
    expect(seen.has('correct') && seen.has('incorrect') && seen.has('invalid')).toBe(true);
  });
});
