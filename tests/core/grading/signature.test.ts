import { describe, expect, it } from 'vitest';
import { findPart } from '../../../src/core/grading/index.ts';
import { signAnswer } from '../../../src/core/grading/signature.ts';
import { FIRST_CARD_FILE, shippedCard } from '../../helpers/cards.ts';
import { HOSTILE, nestedSums } from '../../helpers/hostileInputs.ts';

const first = shippedCard(FIRST_CARD_FILE);
const part1 = findPart(first, '1');
if (part1 === undefined) throw new Error('the first card has no part 1');
const sign = (input: string) => signAnswer(first, part1, input)?.signature ?? null;

describe('GIVEN answers to the first card, part 1', () => {
  it('THEN the same value written differently has one signature', () => {
    const forms = [
      '(y-ŷ)ŷ(1-ŷ)x',
      '(y - yhat) * yhat * (1 - yhat) * x',
      '\\left(y-\\hat y\\right)\\hat y (1-\\hat y)\\mathbf{x}',
      'x * yhat * (1 - yhat) * (y - yhat)',
      '(y - yhat)*yhat*(1-yhat)*x_j',
    ];
    const signatures = new Set(forms.map(sign));
    expect(signatures.size).toBe(1);
    expect([...signatures][0]).toMatch(/^[0-9a-f]{16}$/);
  });

  it('THEN different values have different signatures, and a correct answer is not its negation', () => {
    const answers = [
      '(y - yhat) * x',
      '(yhat - y) * x',
      '2 * (y - yhat) * x',
      '(y - yhat) * yhat * (1 - yhat) * x',
      'y * x',
    ];
    expect(new Set(answers.map(sign)).size).toBe(answers.length);
  });

  it('THEN the signature is the same on every call (fixed points, not the grading draws)', () => {
    expect(sign('(y - yhat) * x')).toBe(sign('(y-\\hat{y})\\mathbf{x}'));
    expect(sign('(y - yhat) * x')).toBe(sign('(y - yhat) * x'));
  });

  it('THEN another part of the card gets other points', () => {
    const part2 = first.parts.find((p) => p.label !== '1');
    if (part2 === undefined) return;
    expect(signAnswer(first, part2, 'y * x')?.signature).not.toBe(sign('y * x'));
  });

  it('THEN an unreadable, shapeless or over-budget answer has none', () => {
    expect(sign('(y - yhat')).toBeNull();
    expect(sign('banana * x')).toBeNull();
    expect(sign('x^2')).toBeNull();
    expect(sign('x_9')).toBeNull();
    expect(sign(nestedSums(9))).toBeNull();
  });

  it.each(HOSTILE)('THEN the hostile input %s comes back quickly, without a throw', (input) => {
    const start = performance.now();
    expect(() => sign(input)).not.toThrow();
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
