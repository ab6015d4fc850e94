import { describe, expect, it } from 'vitest';
import { cardFromText, cardText, grade } from '../../helpers/cards.ts';

const layer = (rows: string) =>
  cardFromText(
    cardText(`  vars:
    m: [2, 4]
    n: [2, 4]
    W: { matrix: [${rows}, n], range: [-1, 1] }
    x: { vector: n, range: [-2, 2] }
    y: { vector: ${rows}, range: [-2, 2] }
  given:
    yhat: "W * x"
  loss: "0.5 * dot(yhat - y, yhat - y)"
  wrt: W
  answer: "(yhat - y) * x'"`),
  );

const classifier = cardFromText(
  cardText(`  vars:
    m: [2, 4]
    n: [2, 4]
    W: { matrix: [m, n], range: [-1, 1] }
    x: { vector: n, range: [-2, 2] }
    y: { onehot: m }
  given:
    z: "W * x"
    p: "softmax(z)"
  loss: "-dot(y, log(p))"
  wrt: x
  answer: "W' * (p - y)"`),
);

describe('GIVEN a linear layer yhat = W x with squared error, asked for ∂ℓ/∂W (m×n)', () => {
  const card = layer('m');
  it.each([
    "(yhat - y) * x'",
    '(\\hat{y}-y)\\mathbf{x}^\\top',
    'outer(yhat - y, x)',
    '(yhat_i - y_i) x_j',
    'x_j (yhat_i - y_i)',
    '(ŷ − y)xᵀ',
    '(\\hat y - y)_i x_j',
    'x_{j} (\\hat{y} - y)_{i}',
    '(ŷ − y)ᵢ xⱼ',
    'g_{i,j} = (yhat - y)_i x_j',
  ])('THEN %s is correct', (answer) => expect(grade(card, '1', answer).verdict).toBe('correct'));
  it("THEN x * (yhat - y)' is incorrect with mistake shape, naming both shapes and the transpose", () => {
    const verdict = grade(card, '1', "x * (yhat - y)'");
    expect(verdict).toMatchObject({ verdict: 'incorrect', mistake: 'shape' });
    expect(verdict.feedback).toContain('your answer is n×m, ∂ℓ/∂W is m×n: transpose?');
  });
  it('THEN the letters decide the rows, whatever the order of the factors', () => {
    expect(grade(card, '1', '(yhat_j - y_j) x_i').mistake).toBe('shape');
    expect(grade(card, '1', 'x_i (yhat - y)_j').mistake).toBe('shape');
  });
  it('THEN two columns of different lengths suggest the outer product', () => {
    const verdict = grade(card, '1', '(yhat - y) * x');
    expect(verdict.verdict).toBe('invalid');
    expect(verdict.feedback).toContain("Did you mean `(yhat - y) * x'`?");
  });
  it('THEN the usual diagnoses apply to matrices', () => {
    expect(grade(card, '1', "2 * (yhat - y) * x'").mistake).toBe('constant_factor:2');
    expect(grade(card, '1', "(y - yhat) * x'").mistake).toBe('sign');
  });
});

describe('GIVEN the same layer with a square W (n×n)', () => {
  it("THEN x * (yhat - y)' is incorrect with mistake transpose", () => {
    expect(grade(layer('n'), '1', "x * (yhat - y)'")).toMatchObject({
      verdict: 'incorrect',
      mistake: 'transpose',
    });
  });
});

describe('GIVEN softmax regression with a one-hot target, asked for ∂ℓ/∂x', () => {
  it.each(["W' * (p - y)", 'W^T (p-y)', "(p - y)' W", '\\mathbf{W}^\\top (p - y)'])(
    'THEN %s is correct',
    (answer) => expect(grade(classifier, '1', answer).verdict).toBe('correct'),
  );
  it.each(['\\sum_i W_{ij} (p_i - y_i)', 'Σ_i (p - y)_i W_{i,j}'])(
    'THEN the componentwise %s, with matrix entries, is correct',
    (answer) => expect(grade(classifier, '1', answer).verdict).toBe('correct'),
  );
  it('THEN Σ_j W_ij (p_j - y_j) pairs the columns of W with p: not correct', () => {
    expect(grade(classifier, '1', '\\sum_j W_{ij} (p_j - y_j)').verdict).not.toBe('correct');
  });
  it('THEN W (p - y) is invalid for a non-square W, suggesting Wᵀ', () => {
    const verdict = grade(classifier, '1', 'W (p - y)');
    expect(verdict.verdict).toBe('invalid');
    expect(verdict.feedback).toContain("Did you mean `W' * (p - y)`?");
  });
});
