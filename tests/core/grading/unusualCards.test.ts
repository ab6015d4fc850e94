import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardFromText, grade } from '../../helpers/cards.ts';

const fixture = (name: string) =>
  cardFromText(readFileSync(new URL(`../../fixtures/cards/${name}`, import.meta.url), 'utf8'), name);

describe('GIVEN a card with a vector given name, broadcasting, a regulariser and a part on a scalar bias', () => {
  const card = fixture('vector-given.md');

  it.each([
    '(h-y).*(1-h.^2).*x + λ w',
    '(h_j - y_j)(1 - h_j^2) x_j + \\lambda w_j',
    'x .* (1-h.^2) .* (h - y) + lam*w',
  ])('THEN part 1 accepts %s', (answer) => {
    expect(grade(card, '1', answer).verdict).toBe('correct');
  });

  it('THEN a forgotten regulariser is named', () => {
    expect(grade(card, '1', '(h-y).*(1-h.^2).*x')).toMatchObject({
      verdict: 'incorrect',
      mistake: 'missing_term:lam / 2 * dot(w, w)',
    });
  });

  it('THEN part 2 (wrt b, its own answer and mistakes) grades on its own', () => {
    expect(grade(card, '2', '\\sum_i (h_i-y_i)(1-h_i^2)').verdict).toBe('correct');
    expect(grade(card, '2', 'sum(h - y)').mistake).toBe('card:1');
    expect(grade(card, '2', '(h-y).*(1-h.^2)').mistake).toBe('shape');
  });
});

describe('GIVEN a scalar wrt, a literal vector length and a ±1 choice, sign: strict', () => {
  const card = fixture('scalar-wrt.md');

  it('THEN equivalent forms are correct and the negation is a sign mistake', () => {
    expect(grade(card, '1', 'sigma(z) sum(x) t').verdict).toBe('correct');
    expect(grade(card, '1', 't*sum(x)*sigmoid(a*t*sum(x))').verdict).toBe('correct');
    expect(grade(card, '1', '-sigma(z)*sum(x)*t').mistake).toBe('sign');
  });
});

describe('GIVEN a vector length drawn from a choice of whole numbers', () => {
  const card = fixture('choice-length.md');

  it('THEN the card loads and grades, and a factor of the length is named', () => {
    expect(grade(card, '1', '(y-ŷ)x_j').verdict).toBe('correct');
    expect(grade(card, '1', 'n*(y-ŷ)x').mistake).toBe('constant_factor:n');
  });
});
