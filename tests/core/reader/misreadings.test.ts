import { describe, expect, it } from 'vitest';
import { readExpression } from '../../../src/core/reader/index.ts';
import { seedVocab } from './vocab.ts';
import { messageOf } from '../../support/words.ts';

/** Honest answers the reader used to misread (issue 10), each as it must be read now. */

const normalized = (text: string): string => {
  const result = readExpression(text, seedVocab);
  if (!result.ok) throw new Error(`${text}: ${messageOf(result.error)}`);
  return result.normalized;
};

describe('GIVEN a root typed with √', () => {
  it.each([
    ['√12', 'sqrt(12)'],
    ['√12 y', 'sqrt(12) * y'],
    ['√2.5', 'sqrt(2.5)'],
    ['√yhat', 'sqrt(yhat)'],
    ['√x_j', 'sqrt(x_j)'],
    ['√(y+1)', 'sqrt(y + 1)'],
    ['√y', 'sqrt(y)'],
  ])('THEN %s is read as %s', (text, read) => {
    expect(normalized(text)).toBe(read);
  });
});

describe('GIVEN absolute values side by side', () => {
  it.each([
    ['|y-2||y+2|', 'abs(y - 2) * abs(y + 2)'],
    ['|y-2| |y+2|', 'abs(y - 2) * abs(y + 2)'],
    ['|y||s|', 'abs(y) * abs(s)'],
    ['||x||^2 + |s|', 'norm(x)^2 + abs(s)'],
    ['||x|| |y|', 'norm(x) * abs(y)'],
  ])('THEN %s is read as %s', (text, read) => {
    expect(normalized(text)).toBe(read);
  });
});

describe('GIVEN a power written **', () => {
  it.each([
    ['y**2', 'y^2'],
    ['(1 - yhat) ** 2', '(1 - yhat)^2'],
    ['2**-1', '2^(-1)'],
  ])('THEN %s is read as %s', (text, read) => {
    expect(normalized(text)).toBe(read);
  });
});

describe('GIVEN a 0 before x or b, which mathjs starts a hexadecimal or binary number with', () => {
  it.each([
    ['23+0x', '23 + 0 * x'],
    ['0x', '0 * x'],
    ['1 + 0y', '1 + 0 * y'],
    ['10x', '10 * x'],
    ['0.5x', '0.5 * x'],
  ])('THEN %s is read as %s', (text, read) => {
    expect(normalized(text)).toBe(read);
  });

  it('THEN 0b is a product with an unknown name b, not a binary number', () => {
    const result = readExpression('0b', seedVocab);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unknown_name');
  });
});

describe('GIVEN an equals sign', () => {
  it.each([
    ['dl/dw = (y - yhat) x', '(y - yhat) * x'],
    ['∇ℓ(w) = (y - yhat) x', '(y - yhat) * x'],
    ['\\frac{\\partial \\ell}{\\partial w_j} = (y-\\hat y) x_j', '(y - yhat) * x_j'],
    ['\\frac{d\\ell}{dw} = (y - yhat) x', '(y - yhat) * x'],
    ['f(x) = (y - yhat) x', '(y - yhat) * x'],
    ["L'(w) = (y - yhat) x", '(y - yhat) * x'],
    ['g = (y - yhat) x', '(y - yhat) * x'],
    ['g_j = (y - yhat) x_j', '(y - yhat) * x_j'],
  ])('THEN the left-hand side %s, naming what is asked, is dropped', (text, read) => {
    expect(normalized(text)).toBe(read);
  });

  it.each(['y^2-2y+1=0', 'yhat(1 - yhat) = 0', '2 = y', 'y - yhat = s'])(
    'THEN the equation %s is refused, asking for the gradient alone',
    (text) => {
      const result = readExpression(text, seedVocab);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(messageOf(result.error)).toMatch(/it is an equation\. Type only the gradient/);
    },
  );
});

describe('GIVEN a division followed by factors side by side (one rule: a/bc is a/(bc))', () => {
  it.each([
    ['1/2y', '1 / (2 * y)'],
    ['1/2 y', '1 / (2 * y)'],
    ['1/n(n+1)', '1 / (n * (n + 1))'],
    ['1/2(y+1)', '1 / (2 * (y + 1))'],
    ['y/2s', 'y / (2 * s)'],
    ['-1/2y', '-1 / (2 * y)'],
    ['1/2σ(s)', '1 / (2 * sigma(s))'],
  ])('THEN %s is read as %s', (text, read) => {
    expect(normalized(text)).toBe(read);
  });

  it.each([
    ['(1/2) y', { kind: 'binary', op: 'mul' }],
    ['\\frac{1}{2} y', { kind: 'binary', op: 'mul' }],
    ['y/2', { kind: 'binary', op: 'div' }],
    ['1/2*y', { kind: 'binary', op: 'mul' }],
  ])('THEN %s, with the fraction marked, stays a product by the fraction', (text, top) => {
    const result = readExpression(text, seedVocab);
    expect(result.ok && result.expr).toMatchObject(top);
  });
});
