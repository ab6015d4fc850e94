import { describe, expect, it } from 'vitest';
import { printExpr } from '../../../src/core/expr/print.ts';
import { readExpression } from '../../../src/core/reader/index.ts';
import { seedVocab } from './vocab.ts';

const normalized = (text: string) => {
  const result = readExpression(text, seedVocab);
  return result.ok ? printExpr(result.expr) : `error: ${result.error.code}`;
};

describe('GIVEN names written side by side without a space', () => {
  it.each([
    ['yx - yhat x', 'y * x - yhat * x'],
    ['(y - yhat)yhatx', '(y - yhat) * (yhat * x)'],
    ['ywx', 'y * w * x'],
  ])('THEN %s is read as the product %s', (text, expected) => {
    expect(normalized(text)).toBe(expected);
  });

  it('THEN a run that is not made of the card names is still an unknown name', () => {
    expect(normalized('(y - yhat) * xz')).toBe('error: unknown_name');
  });
});

describe('GIVEN a dot between two vectors (w.x, as on slides)', () => {
  it('THEN it is their dot product', () => {
    expect(normalized('(y - sigmoid(w.x)) x')).toBe('(y - sigma(w * x)) * x');
  });
  it('THEN a dot after a scalar is still refused', () => {
    expect(normalized('y.x')).toMatch(/^error/);
  });
});

describe('GIVEN a componentwise answer with its range written after it', () => {
  it.each([
    '(y - ŷ)x_j for all j',
    '(y-yhat) x_j, j = 1, ..., n',
    '(y-yhat)x_j \\forall j',
    'x_j(y-yhat) ∀j',
    '(y-yhat)x_j (j = 1..n)',
  ])('THEN %s is read without the range', (text) => {
    expect(normalized(text)).toMatch(/^(\(y - yhat\) \* x_j|x_j \* \(y - yhat\))$/);
  });
});

describe('GIVEN a name written as a function of the card names, as the question writes it', () => {
  it('THEN yhat(x, w) is yhat, while yhat(1 - yhat) stays a product', () => {
    expect(normalized('(y - \\hat{y}(x, w)) x')).toBe('(y - yhat) * x');
    expect(normalized('yhat(1 - yhat) x')).toBe('yhat * (1 - yhat) * x');
  });
});
