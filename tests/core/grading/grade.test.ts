import { describe, expect, it } from 'vitest';
import { cardFromText, cardText, FIRST_CARD_FILE, grade, shippedCard } from '../../helpers/cards.ts';
import { feedbackOf } from '../../support/words.ts';

const first = shippedCard(FIRST_CARD_FILE);

describe('GIVEN the first card, part 1 (sign: either)', () => {
  it.each([
    '(y - yhat) * x',
    '(y-yhat)x',
    '(y − ŷ)·x',
    'x*(y - y_hat)',
    '(y - \\hat{y}) x',
    '(y-\\sigma(w^T x))x',
    "(y - sigma(w'x)) * x",
    '(y - σ(w·x)) x',
    '\\left(y-\\hat y\\right)\\mathbf{x}',
    '(y-yhat)*x_j',
    '$(y-\\hat y)x$',
    '`(y - yhat) * x`',
    '||(y - yhat) x||',
    'dl/dw = (y - yhat) x',
    '(y - 1/(1 + e^(-dot(w, x)))) * x',
    '(y*(1-yhat) - (1-y)*yhat) * x',
  ])('THEN %s is correct', (answer) => {
    const v = grade(first, '1', answer);
    expect(v.verdict, feedbackOf(v)).toBe('correct');
    expect(v.note).toBeUndefined();
  });

  it.each(['-(y - yhat) * x', '(yhat - y) * x', '(ŷ - y)x_j'])(
    'THEN the other sign convention %s is correct with a note',
    (answer) => {
      const v = grade(first, '1', answer);
      expect(v.verdict).toBe('correct');
      expect(v.note).toBe('other_sign_convention');
      expect(feedbackOf(v)).toMatch(/sign convention/);
    },
  );

  it("THEN the card's own mistakes are named, in either sign", () => {
    expect(grade(first, '1', '(y - yhat) * yhat * (1 - yhat) * x').mistake).toBe('card:kept-sigma-prime');
    expect(grade(first, '1', '(yhat - y) * yhat * (1 - yhat) * x').mistake).toBe('card:kept-sigma-prime');
    expect(grade(first, '1', '(y - yhat) * w').mistake).toBe('card:ds-dw-is-w');
  });

  it('THEN an answer equal to the gradient at some points and its negation at others is incorrect', () => {
    // abs(s)/s is +1 or -1 depending on the point: the sign flips across w·x = 0.
    const v = grade(first, '1', 'abs(s)/s * (y - yhat) * x');
    expect(v.verdict).toBe('incorrect');
    expect(feedbackOf(v)).toMatch(/some points and its negation at others/);
  });

  it('THEN a scalar where a vector is due is a shape mistake, and so is x_1 as the whole gradient', () => {
    for (const answer of ['y - yhat', '(y - yhat) * x_1', 'dot(w, x)']) {
      const v = grade(first, '1', answer);
      expect(v.verdict, answer).toBe('incorrect');
      expect(v.mistake, answer).toBe('shape');
      expect(feedbackOf(v)).toMatch(/scalar/);
    }
  });

  it('THEN an answer wrong only when y = 1 cannot pass, whatever the seed', () => {
    for (let seed = 0; seed < 200; seed++)
      expect(grade(first, '1', '-yhat * x', seed).verdict).toBe('incorrect');
  });

  it('THEN an answer undefined where the gradient is defined is incorrect and says where', () => {
    const v = grade(first, '1', '(y - yhat) * x / (y - y)');
    expect(v.verdict).toBe('incorrect');
    expect(feedbackOf(v)).toMatch(/undefined/);
    expect(feedbackOf(v)).toMatch(/y = /);
  });

  it.each([
    ['x^2', /x \.\^ 2/],
    ['dot(y, x)', /two vectors/],
    ['(y - yhat) * x_9', /x_9` does not exist/],
    ['(y - yhat) * z', /z/],
  ])('THEN %s is invalid with a useful message', (answer, message) => {
    const v = grade(first, '1', answer);
    expect(v.verdict).toBe('invalid');
    expect(feedbackOf(v)).toMatch(message);
  });
});

describe('GIVEN the first card, part 2 (require yhat, forbid w, s, sigma, exp, log)', () => {
  it('THEN the simplified form is correct', () => {
    expect(grade(first, '2', '(y - ŷ) x').verdict).toBe('correct');
  });
  it('THEN a correct form that breaks require/forbid is not simplified', () => {
    for (const answer of ['(y - sigma(w^T x)) x', '(y - 1/(1+exp(-s))) * x']) {
      const v = grade(first, '2', answer);
      expect(v.verdict, answer).toBe('not_simplified');
      expect(feedbackOf(v)).toMatch(/not simplified/i);
    }
  });
  it('THEN a wrong answer that breaks them is incorrect, not "not simplified"', () => {
    expect(grade(first, '2', 'sigma(s) * x').verdict).toBe('incorrect');
  });
});

describe('GIVEN a scalar wrt with sign: strict', () => {
  const card = cardFromText(
    cardText(`  vars:
    n: [2, 4]
    w: { vector: n, range: [-1, 1] }
    x: { vector: n, range: [-1, 1] }
    b: { range: [-1, 1] }
    y: { range: [-2, 2] }
  given:
    s: "dot(w, x) + b"
  loss: "(y - s)^2 / 2"
  wrt: b
  answer: "s - y"`),
  );

  it('THEN the gradient is correct, its negation is a sign mistake', () => {
    expect(grade(card, '1', 'w·x + b - y').verdict).toBe('correct');
    const v = grade(card, '1', 'y - s');
    expect(v).toMatchObject({ verdict: 'incorrect', mistake: 'sign' });
  });
  it('THEN a vector where a scalar is due is a shape mistake', () => {
    expect(grade(card, '1', '(s - y) * x')).toMatchObject({ verdict: 'incorrect', mistake: 'shape' });
  });
  it('THEN a plain wrong answer has no mistake code', () => {
    const v = grade(card, '1', 's + y');
    expect(v.verdict).toBe('incorrect');
    expect(v.mistake).toBeUndefined();
  });
});

describe('GIVEN the same seed', () => {
  it('THEN the verdict is reproducible', () => {
    expect(grade(first, '1', '(y - yhat) * x * 1.01', 3)).toEqual(
      grade(first, '1', '(y - yhat) * x * 1.01', 3),
    );
  });
});
