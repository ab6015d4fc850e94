import { describe, expect, it } from 'vitest';
import { FIRST_CARD_FILE, grade, shippedCard } from '../../helpers/cards.ts';

const first = shippedCard(FIRST_CARD_FILE);

describe('GIVEN answers to the first card WHEN graded THEN the verdict is data, with no sentence in it', () => {
  it.each([
    [
      '(y - yhat',
      {
        code: 'unreadable',
        error: { code: 'unbalanced', source: '(y - yhat', problem: { kind: 'missing', bracket: ')' } },
      },
    ],
    ['q * x', { code: 'unreadable', error: { code: 'unknown_name', name: 'q', near: 'q' } }],
    ['x ^ 2', { code: 'shape_error', error: { code: 'vector_power' } }],
    ['2 * (y - yhat) * x', { code: 'constant_factor', factor: '2' }],
    ['(y - yhat) * x', { code: 'correct', target: '∂ℓ/∂w' }],
    ['(yhat - y) * x', { code: 'correct_other_sign', target: '∂ℓ/∂w' }],
  ])('%s', (answer, reason) => {
    const verdict = grade(first, '1', answer);
    expect(verdict.reason).toMatchObject(reason);
    expect(JSON.parse(JSON.stringify(verdict))).toEqual(verdict);
    expect(verdict).not.toHaveProperty('feedback');
  });
});
