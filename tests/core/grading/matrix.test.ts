import { describe, expect, it } from 'vitest';
import { cardFromText, cardText, grade } from '../../helpers/cards.ts';
import { feedbackOf } from '../../support/words.ts';

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

const softmaxRegression = (rows: string) =>
  cardFromText(
    cardText(`  vars:
    m: [2, 4]
    n: [2, 4]
    W: { matrix: [${rows}, n], range: [-1, 1] }
    x: { vector: n, range: [-2, 2] }
    y: { onehot: ${rows} }
  given:
    z: "W * x"
    p: "softmax(z)"
  loss: "-dot(y, log(p))"
  wrt: x
  answer: "W' * (p - y)"`),
  );
const classifier = softmaxRegression('m');

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
    expect(feedbackOf(verdict)).toContain('your answer is n×m, ∂ℓ/∂W is m×n: transpose?');
  });
  it('THEN the letters decide the rows, whatever the order of the factors', () => {
    expect(grade(card, '1', '(yhat_j - y_j) x_i').mistake).toBe('shape');
    expect(grade(card, '1', 'x_i (yhat - y)_j').mistake).toBe('shape');
  });
  it('THEN two columns of different lengths suggest the outer product', () => {
    const verdict = grade(card, '1', '(yhat - y) * x');
    expect(verdict.verdict).toBe('invalid');
    expect(feedbackOf(verdict)).toContain("Did you mean `(yhat - y) * x'`?");
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
    expect(feedbackOf(verdict)).toContain("Did you mean `W' * (p - y)`?");
  });
});

const twoLayer = (activation: string, wrt: string, answer: string) =>
  cardFromText(
    cardText(`  vars:
    n: [2, 4]
    h: [2, 4]
    m: [2, 3]
    W1: { matrix: [h, n], range: [-1, 1] }
    b1: { vector: h, range: [-1, 1] }
    W2: { matrix: [m, h], range: [-1, 1] }
    x: { vector: n, range: [-2, 2] }
    y: { vector: m, range: [-2, 2] }
  given:
    z1: "W1 * x + b1"
    a1: "${activation}(z1)"
    yhat: "W2 * a1"
  loss: "0.5 * dot(yhat - y, yhat - y)"
  wrt: ${wrt}
  answer: "${answer}"`),
  );

describe('GIVEN a two-layer tanh network with no authored mistakes', () => {
  const hidden = twoLayer('tanh', 'W1', "((W2' * (yhat - y)) .* (1 - a1 .^ 2)) * x'");
  it("THEN dropping ⊙ tanh'(z1) is missing_factor:da1/dz1, naming the derivative of tanh", () => {
    const verdict = grade(hidden, '1', "(W2' * (yhat - y)) * x'");
    expect(verdict.mistake).toBe('missing_factor:da1/dz1');
    expect(feedbackOf(verdict)).toContain('the derivative of tanh, ∂a1/∂z1');
  });
  it("THEN applying tanh'(z1) twice is extra_factor:da1/dz1", () => {
    expect(grade(hidden, '1', "((W2' * (yhat - y)) .* (1 - a1 .^ 2) .^ 2) * x'").mistake).toBe(
      'extra_factor:da1/dz1',
    );
  });
  it("THEN the sigmoid's derivative in its place is not claimed as anything", () => {
    const verdict = grade(hidden, '1', "((W2' * (yhat - y)) .* a1 .* (1 - a1)) * x'");
    expect(verdict.verdict).toBe('incorrect');
    expect(verdict.mistake).toBeUndefined();
  });
  it('THEN the input gradient without the derivative is missing_factor:da1/dz1 too', () => {
    const input = twoLayer('tanh', 'x', "W1' * ((W2' * (yhat - y)) .* (1 - a1 .^ 2))");
    expect(grade(input, '1', "W1' * (W2' * (yhat - y))").mistake).toBe('missing_factor:da1/dz1');
  });
});

describe('GIVEN a two-layer ReLU network asked for ∂ℓ/∂b1', () => {
  it("THEN W2ᵀ(ŷ - y) without ⊙ relu'(z1) is missing_factor:da1/dz1", () => {
    // relu'(z) written as relu(z)/z: the card's answer only has to equal the gradient.
    const card = twoLayer('relu', 'b1', "(W2' * (yhat - y)) .* relu(z1) ./ z1");
    expect(grade(card, '1', "W2' * (yhat - y)").mistake).toBe('missing_factor:da1/dz1');
  });
});

describe('GIVEN softmax regression with a square W (n×n), asked for ∂ℓ/∂x', () => {
  it('THEN W (p - y) for Wᵀ (p - y) is mistake transpose', () => {
    const square = softmaxRegression('n');
    expect(grade(square, '1', 'W (p - y)')).toMatchObject({ verdict: 'incorrect', mistake: 'transpose' });
  });
});
