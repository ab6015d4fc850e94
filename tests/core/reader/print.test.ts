import { describe, expect, it } from 'vitest';
import type { Expr } from '../../../src/core/expr/ast.ts';
import { printExpr } from '../../../src/core/expr/print.ts';
import { exprToTex } from '../../../src/core/expr/tex.ts';
import { readExpression } from '../../../src/core/reader/index.ts';
import { seedVocab } from './vocab.ts';
import { messageOf } from '../../support/words.ts';

function read(text: string): Expr {
  const result = readExpression(text, seedVocab);
  if (!result.ok) throw new Error(`${text}: ${messageOf(result.error)}`);
  return result.expr;
}

describe('GIVEN printExpr', () => {
  const cases: [string, string][] = [
    ['(y - yhat) * x', '(y - yhat) * x'],
    ['y - (yhat - s)', 'y - (yhat - s)'],
    ['(y - yhat) - s', 'y - yhat - s'],
    ['y / (s * n)', 'y / (s * n)'],
    ['(y / s) * n', 'y / s * n'],
    ['y * (s / n)', 'y * (s / n)'],
    ['(-s)^2', '(-s)^2'],
    ['-(s^2)', '-s^2'],
    ['s^(-1)', 's^(-1)'],
    ['(s^2)^3', '(s^2)^3'],
    ['s^2^3', 's^2^3'],
    ['y - (-s)', 'y - (-s)'],
    ['-(-s)', '-(-s)'],
    ['-(y * s)', '-(y * s)'],
    ['(-y) * s', '-y * s'],
    ['transpose(w + x) * x', 'transpose(w + x) * x'],
    ["(w')^2", "(w')^2"],
    ['dot(w, x) + max(0, s)', 'dot(w, x) + max(0, s)'],
    ['\\sum_j w_j x_j * 2', 'sum_j(w_j * x_j * 2)'],
  ];
  it.each(cases)('THEN %j prints as %j', (text, printed) => {
    expect(printExpr(read(text))).toBe(printed);
  });

  it('THEN negative numbers built by hand print as negations', () => {
    expect(
      printExpr({
        kind: 'binary',
        op: 'mul',
        left: { kind: 'sym', name: 'y' },
        right: { kind: 'num', value: -2 },
      }),
    ).toBe('y * (-2)');
  });

  it('THEN what it prints reads back to the same tree', () => {
    for (const [text] of cases) {
      const expr = read(text);
      expect(read(printExpr(expr))).toEqual(expr);
    }
  });
});

describe('GIVEN exprToTex', () => {
  const cases: [string, string][] = [
    ['(y - yhat) * x', '\\left(y - \\hat{y}\\right) x'],
    ['(y - yhat) * x_j', '\\left(y - \\hat{y}\\right) x_j'],
    ['x_12', 'x_{12}'],
    ['sigma(dot(w, x))', '\\sigma\\left(w^\\top x\\right)'],
    ["w'x", 'w^\\top x'],
    ['exp(-s)', 'e^{-s}'],
    ['1 / (1 + exp(-s))', '\\frac{1}{1 + e^{-s}}'],
    ['lambda * w', '\\lambda w'],
    ['2 * 3', '2 \\cdot 3'],
    ['y * 2', 'y \\cdot 2'],
    ['y * (-s)', 'y \\left(-s\\right)'],
    ['y * (1/2)', 'y \\cdot \\frac{1}{2}'],
    ['sqrt(s) + abs(s) + norm(x)', '\\sqrt{s} + \\left|s\\right| + \\left\\|x\\right\\|'],
    [
      'log(yhat) + tanh(s) + relu(s)',
      '\\log\\left(\\hat{y}\\right) + \\tanh\\left(s\\right) + \\operatorname{relu}\\left(s\\right)',
    ],
    ['\\sum_i w_i x_i', '\\sum_{i} w_i x_i'],
    ['(\\sum_i w_i x_i) * y', '\\left(\\sum_{i} w_i x_i\\right) y'],
    ['x .* w', 'x \\odot w'],
    ['(y - s)^2', '\\left(y - s\\right)^{2}'],
    ['exp(s)^2', '\\left(e^{s}\\right)^{2}'],
  ];
  const vocab = { names: new Map([...seedVocab.names, ['lambda', 'scalar' as const]]), aliases: new Map() };
  it.each(cases)('THEN %j typesets as %j', (text, tex) => {
    const result = readExpression(text, vocab);
    if (!result.ok) throw new Error(messageOf(result.error));
    expect(exprToTex(result.expr)).toBe(tex);
  });
});

describe('GIVEN exprToTex with the names of a two-layer network', () => {
  const names = new Map([
    ['W2', 'matrix' as const],
    ['W', 'matrix' as const],
    ['delta', 'vector' as const],
    ['a1', 'vector' as const],
    ['x', 'vector' as const],
    ['yhat', 'vector' as const],
  ]);
  const vocab = { names, aliases: new Map() };
  it.each([
    [
      "((W2' * delta) .* (1 - a1 .^ 2)) * x'",
      '\\left(W_{2}^\\top \\boldsymbol{\\delta} \\odot \\left(1 - \\mathbf{a}_{1}^{\\circ 2}\\right)\\right) \\mathbf{x}^\\top',
    ],
    ['outer(delta, x)', '\\boldsymbol{\\delta} \\mathbf{x}^\\top'],
    [
      'diag(softmax(yhat)) * W',
      '\\operatorname{diag}\\left(\\operatorname{softmax}\\left(\\hat{\\mathbf{y}}\\right)\\right) W',
    ],
    ['W2_ij * a1_j', '\\left(W_{2}\\right)_{ij} \\left(a_{1}\\right)_j'],
  ])('THEN %j typesets as a teacher writes it: %j', (text, tex) => {
    const result = readExpression(text, vocab);
    if (!result.ok) throw new Error(messageOf(result.error));
    expect(exprToTex(result.expr, names)).toBe(tex);
  });
});
