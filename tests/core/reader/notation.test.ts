import { describe, expect, it } from 'vitest';
import type { Expr } from '../../../src/core/expr/ast.ts';
import { readExpression } from '../../../src/core/reader/index.ts';
import { seedVocab } from './vocab.ts';
import { messageOf } from '../../support/words.ts';

function read(text: string): { expr: Expr; normalized: string; names: string[] } {
  const result = readExpression(text, seedVocab);
  if (!result.ok) throw new Error(`${text}: ${result.error.code}: ${messageOf(result.error)}`);
  return { expr: result.expr, normalized: result.normalized, names: [...result.names].sort() };
}

const sym = (name: string): Expr => ({ kind: 'sym', name });
const bin = (op: Extract<Expr, { kind: 'binary' }>['op'], left: Expr, right: Expr): Expr => ({
  kind: 'binary',
  op,
  left,
  right,
});
const letter = (name: string, l: string): Expr => ({
  kind: 'index',
  name,
  index: { kind: 'letter', letter: l },
});

/** `(y - yhat) * x`, the seed card's answer, as the reader must build it. */
const ANSWER: Expr = bin('mul', bin('sub', sym('y'), sym('yhat')), sym('x'));

describe('GIVEN the ways students write the seed answer (y - yhat) x', () => {
  const spellings = [
    '(y - yhat) * x',
    '(y-yhat)x',
    '(y − ŷ)·x',
    '(y - \\hat{y}) x',
    '(y - \\hat y) x',
    '(y-\\widehat{y})\\,x',
    '\\left(y-\\hat y\\right)\\mathbf{x}',
    '(y-\\hat{y})\\boldsymbol{x}',
    '(y-\\hat{y})\\vec{x}',
    '(y-\\hat{y})\\bm{x}',
    '(y - y\u0302) x',
    '(y - ŷ) ∙ x',
    '(y - ŷ)⋅x',
    '(y - y_hat) × x',
    '(y - haty) ∗ x',
    '\\left[y-\\hat y\\right]x',
    '[y - yhat] x',
    '$(y-\\hat y)x$',
    '$$ (y-\\hat y)x $$',
    '\\((y-\\hat y)x\\)',
    '\\[(y-\\hat y)x\\]',
    '`(y-yhat)*x`',
    '```(y-yhat)*x```',
    '```\n(y-yhat)*x\n```',
    '```latex\n(y-\\hat y) x\n```',
    '||(y-yhat)x||',
    '|| `(y-yhat)x` ||',
    '(y-yhat)x.',
    '$$(y-\\hat y)x,$$',
    'dl/dw = (y-yhat)x',
    '∇ℓ(w) = (y − ŷ)x',
    '\\nabla \\ell(w) = (y-\\hat y)x',
    '∂ℓ/∂w = (y-ŷ)x',
    'dl/dw = $(y-\\hat y)x$',
    '（y－ŷ）x',
    '(y\u2013yhat)x',
    '(𝑦 − 𝑦̂)𝑥',
  ];
  it.each(spellings)('THEN %j reads as (y - yhat) * x', (text) => {
    const { expr, normalized, names } = read(text);
    expect(expr).toEqual(ANSWER);
    expect(normalized).toBe('(y - yhat) * x');
    expect(names).toEqual(['x', 'y', 'yhat']);
  });
});

describe('GIVEN the notations of SPEC section 1', () => {
  const cases: [string, string][] = [
    ['x*(y - y_hat)', 'x * (y - yhat)'],
    ['-(yhat - y) x', '-(yhat - y) * x'],
    ['(y-\\sigma(w^T x))x', "(y - sigma(w' * x)) * x"],
    ["(y - sigma(w'x)) * x", "(y - sigma(w' * x)) * x"],
    ['(y - σ(w·x)) x', '(y - sigma(w * x)) * x'],
    ['(y - sigmoid(dot(w, x))) x', '(y - sigma(dot(w, x))) * x'],
    ['(y-yhat)*x_j', '(y - yhat) * x_j'],
    ['(y-yhat) x_{j}', '(y - yhat) * x_j'],
    ['(y-yhat) xⱼ', '(y - yhat) * x_j'],
    ['(y-yhat)*x_1', '(y - yhat) * x_1'],
    ['(y-yhat) x₁₂', '(y - yhat) * x_12'],
    ['(y-yhat) x[2]', '(y - yhat) * x_2'],
    ['\\frac{y-\\hat{y}}{1}x', '(y - yhat) / 1 * x'],
    ['\\dfrac{1}{2}x', '1 / 2 * x'],
    ['\\tfrac12 x', '1 / 2 * x'],
    ['\\frac{\\partial \\ell}{\\partial w_j} = (y-\\hat y) x_j', '(y - yhat) * x_j'],
    ['e^{-s}', 'exp(-s)'],
    ['\\mathrm{e}^{-s}', 'exp(-s)'],
    ['\\exp(-s)', 'exp(-s)'],
    ['\\exp\\left(-s\\right)', 'exp(-s)'],
    ['\\frac{1}{1+e^{-s}}', '1 / (1 + exp(-s))'],
    ['x²', 'x^2'],
    ['x^{2}', 'x^2'],
    ['s⁻¹', 's^(-1)'],
    ['wᵀx', "w' * x"],
    ['w^T x', "w' * x"],
    ['w^{T}x', "w' * x"],
    ['w^\\top x', "w' * x"],
    ['w^{\\top} x', "w' * x"],
    ['\\mathbf{w}^\\top\\mathbf{x}', "w' * x"],
    ['w^⊤x', "w' * x"],
    ["w'x", "w' * x"],
    ['w’x', "w' * x"],
    ['\\langle w, x \\rangle', 'dot(w, x)'],
    ['\\sum_{i=1}^{n} w_i x_i', 'sum_i(w_i * x_i)'],
    ['\\sum_{i=1}^n w_i x_i', 'sum_i(w_i * x_i)'],
    ['\\sum\\limits_{i=1}^{n} w_i x_i', 'sum_i(w_i * x_i)'],
    ['\\sum_i w_i x_i', 'sum_i(w_i * x_i)'],
    ['Σ_i w_i x_i', 'sum_i(w_i * x_i)'],
    ['∑_{i=1}^n w_i x_i', 'sum_i(w_i * x_i)'],
    ['∑ w_i x_i', 'sum_i(w_i * x_i)'],
    ['Σᵢ wᵢ xᵢ', 'sum_i(w_i * x_i)'],
    ['\\sum_i w_i x_i + y', 'sum_i(w_i * x_i) + y'],
    ['y - \\sum_i w_i x_i', 'y - sum_i(w_i * x_i)'],
    ['\\sigma(\\sum_i w_i x_i)', 'sigma(sum_i(w_i * x_i))'],
    ['\\sum_i \\sum_j w_i x_j', 'sum_i(sum_j(w_i * x_j))'],
    ['Σ x', 'sum(x)'],
    ['sum_i(w_i * x_i)', 'sum_i(w_i * x_i)'],
    ['x(y-yhat)', 'x * (y - yhat)'],
    ['x_j(y-yhat)', 'x_j * (y - yhat)'],
    ['yhat(1-yhat)x', 'yhat * (1 - yhat) * x'],
    ['ŷ(1−ŷ)x', 'yhat * (1 - yhat) * x'],
    ['(y-yhat)(1-yhat)', '(y - yhat) * (1 - yhat)'],
    ['2(y-yhat)', '2 * (y - yhat)'],
    ['y\\log\\hat y + (1-y)\\log(1-\\hat{y})', 'y * log(yhat) + (1 - y) * log(1 - yhat)'],
    ['y ln(yhat)', 'y * log(yhat)'],
    ['\\ln \\hat{y}', 'log(yhat)'],
    ['σ s', 'sigma(s)'],
    ['\\sigma\\left(w^\\top x\\right)', "sigma(w' * x)"],
    ['\\operatorname{sigmoid}(s)', 'sigma(s)'],
    ['\\text{ReLU}(s)', 'relu(s)'],
    ['Relu(s) + softplus(s)', 'relu(s) + softplus(s)'],
    ['\\sqrt{s}', 'sqrt(s)'],
    ['√s', 'sqrt(s)'],
    ['√(s + 1)', 'sqrt(s + 1)'],
    ['\\sqrt[3]{s}', 's^(1 / 3)'],
    ['\\tanh(s)', 'tanh(s)'],
    ['\\max(0, s)', 'max(0, s)'],
    ['\\min(0, s)', 'min(0, s)'],
    ['max(x)', 'max(x)'],
    ['|s|', 'abs(s)'],
    ['\\left| s \\right|', 'abs(s)'],
    ['\\|x\\|', 'norm(x)'],
    ['\\lVert x \\rVert^2', 'norm(x)^2'],
    ['‖x‖₂', 'norm(x)'],
    ['x .* w', 'x .* w'],
    ['x ./ w', 'x ./ w'],
    ['x .^ 2', 'x.^2'],
    ['x ⊙ w', 'x .* w'],
    ['2x', '2 * x'],
    ['0.5x', '0.5 * x'],
    ['1e-3 x', '0.001 * x'],
    ['+y', 'y'],
    ['pi * e', 'pi * e'],
    ['π', 'pi'],
    ['y\\cdot x', 'y * x'],
    ['y\\times x', 'y * x'],
    ['y \\div 2', 'y / 2'],
    ['(y-yhat)\\,x\\;+\\!0\\quad', '(y - yhat) * x + 0'],
    ['\\hat{y}(1-\\hat{y})', 'yhat * (1 - yhat)'],
    ['y_{\\text{hat}}', 'yhat'],
    ['hat(y)', 'yhat'],
    ['\\{y - \\hat y\\} x', '(y - yhat) * x'],
    ['{y - \\hat y} x', '(y - yhat) * x'],
    ['(y-yhat)\nx', '(y - yhat) * x'],
  ];
  it.each(cases)('THEN %j reads as %j', (text, normalized) => {
    expect(read(text).normalized).toBe(normalized);
  });
});

describe('GIVEN expressions whose tree matters', () => {
  it('THEN x_j is an index with a letter and x_1 one with a position', () => {
    expect(read('x_j').expr).toEqual(letter('x', 'j'));
    expect(read('x_{12}').expr).toEqual({
      kind: 'index',
      name: 'x',
      index: { kind: 'position', position: 12 },
    });
  });

  it('THEN a Σ binds its letter and its body stops at the next + or -', () => {
    expect(read('\\sum_{i=1}^{n} w_i x_i - y').expr).toEqual(
      bin(
        'sub',
        { kind: 'sum', letter: 'i', body: bin('mul', letter('w', 'i'), letter('x', 'i')) },
        sym('y'),
      ),
    );
  });

  it("THEN w'x is a transpose times x, and e^a is exp(a)", () => {
    expect(read("w'x").expr).toEqual(
      bin('mul', { kind: 'call', fn: 'transpose', args: [sym('w')] }, sym('x')),
    );
    expect(read('e^{-s}').expr).toEqual({ kind: 'call', fn: 'exp', args: [{ kind: 'neg', arg: sym('s') }] });
  });

  it('THEN a unary minus binds tighter than a product and looser than a power', () => {
    expect(read('-(yhat - y) x').expr).toEqual(
      bin('mul', { kind: 'neg', arg: bin('sub', sym('yhat'), sym('y')) }, sym('x')),
    );
    expect(read('-x^2').expr).toEqual({ kind: 'neg', arg: bin('pow', sym('x'), { kind: 'num', value: 2 }) });
  });

  it('THEN names lists card names and functions, with aliases resolved, and no constants', () => {
    expect(read('(y - σ(w^T x)) x_j').names).toEqual(['sigma', 'transpose', 'w', 'x', 'y']);
    expect(read('e^{-s} + pi').names).toEqual(['exp', 's']);
    expect(read('\\sum_i w_i x_i').names).toEqual(['w', 'x']);
  });

  it('THEN x² reads (rejecting a squared vector is the grader’s job)', () => {
    expect(read('x²').expr).toEqual(bin('pow', sym('x'), { kind: 'num', value: 2 }));
  });
});

describe('GIVEN the expression fields of the seed card', () => {
  const fields: [string, string][] = [
    ['dot(w, x)', 'dot(w, x)'],
    ['sigma(s)', 'sigma(s)'],
    ['y*log(yhat) + (1-y)*log(1-yhat)', 'y * log(yhat) + (1 - y) * log(1 - yhat)'],
    ['(y - yhat) * x', '(y - yhat) * x'],
    ['(y - yhat) * yhat * (1 - yhat) * x', '(y - yhat) * yhat * (1 - yhat) * x'],
  ];
  it.each(fields)('THEN %j reads as %j', (text, normalized) => {
    expect(read(text).normalized).toBe(normalized);
  });
});

describe('GIVEN a card with its own aliases', () => {
  const vocab = {
    names: new Map([
      ['lam', 'scalar'],
      ['w', 'vector'],
      ['p', 'scalar'],
    ] as const),
    aliases: new Map([
      ['λ', 'lam'],
      ['\\lambda', 'lam'],
      ['sigma', 'p'],
    ]),
  };
  it('THEN both spellings of an alias reach the name', () => {
    for (const text of ['λ w', '\\lambda w', 'lam w', 'lambda w']) {
      const result = readExpression(text, vocab);
      expect(result.ok && result.normalized).toBe('lam * w');
    }
  });
  it('THEN a card that names a var with a Greek symbol gets it from LaTeX too', () => {
    const greek = { names: new Map([['λ', 'scalar' as const]]), aliases: new Map<string, string>() };
    const result = readExpression('\\lambda + λ', greek);
    expect(result.ok && result.normalized).toBe('λ + λ');
  });
  it('THEN the card’s aliases win over the built-in ones', () => {
    const result = readExpression('σ(1 - σ)', vocab);
    expect(result.ok && result.normalized).toBe('p * (1 - p)');
    expect(result.ok && [...result.names].sort()).toEqual(['p']);
  });
});
