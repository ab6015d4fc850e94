import { describe, expect, it } from 'vitest';
import type { NameKind, Vocabulary } from '../../../src/core/expr/ast.ts';
import { readExpression } from '../../../src/core/reader/index.ts';
import { messageOf } from '../../support/words.ts';

/** A linear layer's names: W a matrix, x, y, yhat, delta vectors. */
const layerVocab: Vocabulary = {
  names: new Map<string, NameKind>([
    ['W', 'matrix'],
    ['x', 'vector'],
    ['y', 'vector'],
    ['yhat', 'vector'],
    ['delta', 'vector'],
    ['c', 'scalar'],
  ]),
  aliases: new Map(),
};

const read = (text: string) => readExpression(text, layerVocab);

describe('GIVEN two-index answers and matrix entries', () => {
  it.each([
    ['(\\hat y - y)_i x_j', '(yhat_i - y_i) * x_j'],
    ['(\\hat{y}-y)_{i} x_{j}', '(yhat_i - y_i) * x_j'],
    ['(ŷ − y)ᵢ xⱼ', '(yhat_i - y_i) * x_j'],
    ['x_j (yhat - y)_i', 'x_j * (yhat_i - y_i)'],
    ['c(tanh(yhat) - y)_i x_j', 'c * (tanh(yhat_i) - y_i) * x_j'],
    ['(yhat - y + c)_i x_j', '(yhat_i - y_i + c) * x_j'],
    ['\\delta_{i} x_{j}', 'delta_i * x_j'],
    ['W_{ij}', 'W_ij'],
    ['W_{i,j}', 'W_ij'],
    ['W_{ j , i }', 'W_ji'],
    ['\\sum_i W_{ij} \\delta_i', 'sum_i(W_ij * delta_i)'],
    ['g_{ij} = \\delta_i x_j', 'delta_i * x_j'],
    ['g_{i,j} = \\delta_i x_j', 'delta_i * x_j'],
    ['\\frac{\\partial \\ell}{\\partial W_{ij}} = \\delta_i x_j', 'delta_i * x_j'],
  ])('THEN %s reads as %s', (text, normalized) => {
    const result = read(text);
    expect(result.ok && result.normalized, result.ok ? '' : messageOf(result.error)).toBe(normalized);
  });

  it.each([
    ['(W x)_i', 'write `(W x)_i` out with indices'],
    ['(delta * x)_i', 'write `(delta * x)_i` out with indices'],
    ['(yhat - y)_q', 'use i, j or k'],
    ['W_{i}', 'an entry takes two index letters'],
    ['W_{ijk}', 'an entry takes two index letters'],
    ['x_{i,j}', 'I cannot read the index in `x_ij`'],
  ])('THEN %s is refused, saying %s', (text, message) => {
    const result = read(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(messageOf(result.error)).toContain(message);
  });
});
