import { describe, expect, it } from 'vitest';
import { gradeAgainst } from '../../../src/core/grading/index.ts';
import { printExpr } from '../../../src/core/expr/print.ts';
import { seededRng } from '../../../src/core/random/rng.ts';
import { prepareStep, stepsOf } from '../../../src/core/steps/steps.ts';
import { shippedCard } from '../../helpers/cards.ts';

const hidden = shippedCard('019_two-layer-tanh-hidden-weights.md');
const input = shippedCard('021_two-layer-sigmoid-input.md');
const bias = shippedCard('020_two-layer-sigmoid-hidden-bias.md');

const gradeStep = (card: typeof hidden, index: number, answer: string) => {
  const part = card.parts[0]!;
  const step = stepsOf(card, part)[index]!;
  const prepared = prepareStep(card, part, step, seededRng(3));
  if (!prepared.ok) throw new Error(prepared.reason);
  return gradeAgainst(prepared.prepared, answer);
};

describe('GIVEN a two-layer network asked for ∂ℓ/∂W1', () => {
  const steps = stepsOf(hidden, hidden.parts[0]!);
  it('THEN the steps follow the layers: δ₂, ∂ℓ/∂W2, δ₁, ∂ℓ/∂W1', () => {
    expect(steps.map((s) => s.title)).toEqual(['δ₂ = ∂ℓ/∂yhat', '∂ℓ/∂W2', 'δ₁ = ∂ℓ/∂z1', '∂ℓ/∂W1']);
    expect(steps.map((s) => s.key)).toEqual(['dl/dyhat', 'dl/dW2', 'dl/dz1', 'dl/dW1']);
  });
  it('THEN each step has a form in the card names, which its own reference accepts', () => {
    expect(steps.map((s) => (s.form === undefined ? undefined : printExpr(s.form)))).toEqual([
      'delta2',
      "delta2 * a1'",
      "W2' * delta2 .* (1 - a1.^2)",
      "W2' * delta2 .* (1 - a1.^2) * x'",
    ]);
    steps.forEach((s, i) => expect(gradeStep(hidden, i, printExpr(s.form!)).verdict).toBe('correct'));
  });
  it('THEN δ₁ is graded as ∂ℓ/∂z1 through the network, in any notation', () => {
    expect(gradeStep(hidden, 2, 'W_2^\\top \\delta_2 \\odot (1 - a_1 \\odot a_1)').verdict).toBe('correct');
    expect(gradeStep(hidden, 2, "(W2' delta2) .* (1 - a1 .^ 2)").verdict).toBe('correct');
    expect(gradeStep(hidden, 2, "W2' delta2").verdict).toBe('incorrect');
    expect(gradeStep(hidden, 0, 'yhat - y').verdict).toBe('correct');
  });
});

describe('GIVEN the input gradient and the hidden bias of a two-layer network', () => {
  it('THEN ∂ℓ/∂x ends the walk with W1ᵀ δ₁', () => {
    const steps = stepsOf(input, input.parts[0]!);
    expect(steps.map((s) => s.title)).toEqual(['δ₂ = ∂ℓ/∂yhat', '∂ℓ/∂W2', 'δ₁ = ∂ℓ/∂z1', '∂ℓ/∂x']);
    expect(gradeStep(input, 3, "W1' * ((W2' * delta2) .* a1 .* (1 - a1))").verdict).toBe('correct');
  });
  it('THEN the bias stops at δ₁, which is its gradient', () => {
    expect(stepsOf(bias, bias.parts[0]!).map((s) => s.title)).toEqual([
      'δ₂ = ∂ℓ/∂yhat',
      '∂ℓ/∂W2',
      'δ₁ = ∂ℓ/∂z1',
    ]);
  });
});
