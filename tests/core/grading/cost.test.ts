import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardVocabulary } from '../../../src/core/cards/vocabulary.ts';
import { inferShape } from '../../../src/core/expr/shape.ts';
import { answerCost, WORK_BUDGET } from '../../../src/core/grading/cost.ts';
import { findPart, gradeAgainst, preparePart } from '../../../src/core/grading/index.ts';
import { seededRng } from '../../../src/core/random/rng.ts';
import { readExpression } from '../../../src/core/reader/index.ts';
import type { NumericCard as Card } from '../../../src/core/cards/card.ts';
import type { Expr } from '../../../src/core/expr/ast.ts';
import { cardFromText, FIRST_CARD_FILE, SEEDS_DIR, shippedCard } from '../../helpers/cards.ts';
import { VALID } from '../../helpers/fuzzInputs.ts';
import { HOSTILE, nestedSums } from '../../helpers/hostileInputs.ts';
import { feedbackOf, messageOf } from '../../support/words.ts';

const first = shippedCard(FIRST_CARD_FILE);
const FIXTURES = new URL('../../fixtures/cards/', import.meta.url);

function costOf(expr: Expr, card: Card): number {
  const shape = inferShape(expr, card.shapes);
  if (!shape.ok) throw new Error(`${JSON.stringify(expr)} does not check`);
  return answerCost(expr, card, shape.info.free).work;
}

function costOfText(text: string, card: Card): number {
  const read = readExpression(text, cardVocabulary(card));
  if (!read.ok) throw new Error(`${text}: ${messageOf(read.error)}`);
  return costOf(read.expr, card);
}

const prepared = (() => {
  const preparation = preparePart(first, findPart(first, '1')!, seededRng(5));
  if (!preparation.ok) throw new Error(preparation.reason);
  return preparation.prepared;
})();

describe('GIVEN the cost of an answer (scalar operations per point, at the largest n the card draws)', () => {
  it('THEN a sum, a componentwise answer and vector operations are counted at n = 6', () => {
    // Σ over 6 components of (x_i, w_i, their product, the addition).
    expect(costOfText('\\sum_i w_i x_i', first)).toBe(24);
    // 6 components of 5 scalar nodes.
    expect(costOfText('(y - yhat) x_j', first)).toBe(30);
    // y, yhat, their difference and x: 1 each (reading a vector copies nothing); the product: 6.
    expect(costOfText('(y - yhat) * x', first)).toBe(10);
  });

  it('THEN a length drawn from a choice counts at its largest value', () => {
    const card = cardFromText(readFileSync(new URL('choice-length.md', FIXTURES), 'utf8'));
    const vector = [...card.shapes].find(([, shape]) => shape.kind === 'vector')?.[0] as string;
    expect(costOfText(`\\sum_i ${vector}_i`, card)).toBe(5 * 2);
  });

  it("THEN every seed's and fixture's answer and mistakes, and every valid fuzz answer, costs under 1/20 of the budget", () => {
    const cards = [
      ...readdirSync(SEEDS_DIR).map((file) => shippedCard(file)),
      ...readdirSync(FIXTURES).map((file) =>
        cardFromText(readFileSync(new URL(file, FIXTURES), 'utf8'), file),
      ),
    ];
    const costs = cards.flatMap((card) =>
      card.parts.flatMap((part) =>
        [part.answer, ...part.mistakes.map((m) => m.expr)].map((e) => costOf(e, card)),
      ),
    );
    costs.push(
      ...VALID.filter((text) => readExpression(text, cardVocabulary(first)).ok).map((t) =>
        costOfText(t, first),
      ),
    );
    // Measured: 43 for the cards, 94 for the costliest answer any test grades (WORK_BUDGET is 2,500).
    expect(Math.max(...costs)).toBeLessThan(WORK_BUDGET / 20);
  });
});

describe('GIVEN nested sums that multiply (issue 10)', () => {
  it.each([
    ['8 levels', nestedSums(8)],
    ['9 levels, the issue', nestedSums(9)],
    ['11 levels', nestedSums(11)],
    ['18 levels', nestedSums(18)],
    ['18 levels with Σ_', nestedSums(18, { sigma: true })],
    ['18 levels over w', nestedSums(18, { vector: 'w' })],
  ])('THEN %s is invalid, saying why, without being evaluated', (_, text) => {
    const v = gradeAgainst(prepared, text);
    expect(v.verdict).toBe('invalid');
    expect(feedbackOf(v)).toMatch(/^Too much work: nested sums over `a`, `b`/);
  });

  it('THEN two nested sums, as an honest double sum is written, are still graded', () => {
    expect(gradeAgainst(prepared, '\\sum_i \\sum_k w_i x_k').verdict).toBe('incorrect');
  });
});

describe('GIVEN every hostile input of NOTES.md and issue 10 (a safety net, not a speed test)', () => {
  it.each(HOSTILE.map((text) => [text.length > 60 ? `${text.slice(0, 57)}…` : text, text]))(
    'THEN %s is answered within 1 s',
    (_, text) => {
      const started = performance.now();
      const v = gradeAgainst(prepared, text);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(['invalid', 'incorrect']).toContain(v.verdict);
    },
  );
});
