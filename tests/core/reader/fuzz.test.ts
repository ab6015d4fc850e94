import { describe, expect, it } from 'vitest';
import { seededRng, type Rng } from '../../../src/core/random/rng.ts';
import { readExpression } from '../../../src/core/reader/index.ts';
import { seedVocab } from './vocab.ts';

/** Pieces students (and attackers) type: ASCII, LaTeX commands, Unicode, Discord marks. */
const PIECES = [
  ...'abcdefghijklmnopqrstuvwxyzXT0123456789+-*/^_.,;:=!?<>()[]{}|\'"`$\\ \n\t&%#@~',
  'x', 'w', 'y', 's', 'n', 'yhat', 'y_hat', 'x_j', 'w_i', 'x_1', 'x_0', 'e', 'pi', 'sigma', 'exp', 'log',
  'dot(', 'sum(', 'max(', 'norm(', 'zeros(', 'range(', 'import(', 'evaluate(', 'f(x)=', ' to ', ' in ', 'cm',
  '\\frac{', '\\dfrac', '\\hat{', '\\hat ', '\\widehat{', '\\sigma', '\\lambda', '\\left(', '\\right)',
  '\\left[', '\\right]', '\\left.', '\\cdot', '\\times', '\\mathbf{', '\\text{', '\\operatorname{', '^T', '^{T}',
  '^\\top', '\\exp', '\\log', '\\ln', '\\sqrt', '\\sqrt[', '\\sum_{i=1}^{n}', '\\sum_i', '\\sum', '\\|', '\\lVert',
  '\\rVert', '\\,', '\\;', '\\!', '\\quad', '\\langle', '\\rangle', '\\partial', '\\nabla', '\\ell', '\\dots',
  '\\{', '\\}', '\\', '\\(', '\\)', '\\[', '\\]', '```', '||', '$$',
  'ŷ', 'σ', '·', '⋅', '×', '−', '–', 'ᵀ', '²', '³', '⁻¹', '√', 'Σ', '∑', '（', '）', '２', 'λ', 'η', 'ℓ', '∇', '∂',
  '\u0302', 'ⱼ', 'ᵢ', '₁', '‖', '…', '’', '𝑥', '\u00a0', '\u200b', '😀', '\ud800', '\u0000',
]; // prettier-ignore

const VALID = [
  '(y - yhat) * x',
  '(y − ŷ)·x',
  '(y-\\sigma(w^T x))x',
  '\\left(y-\\hat y\\right)\\mathbf{x}',
  '\\frac{\\partial \\ell}{\\partial w_j} = (y-\\hat y) x_j',
  '\\sum_{i=1}^n w_i x_i',
  'yhat(1-yhat)x',
  '$\\frac{1}{1+e^{-s}}$',
  '||`(y-yhat)*x`||',
  '\\lVert x \\rVert^2 + |s|',
];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

function randomText(rng: Rng): string {
  const pieces = Math.floor(rng() ** 2 * (rng() < 0.02 ? 600 : 40));
  let text = '';
  for (let i = 0; i < pieces; i++) text += pick(rng, PIECES);
  return text;
}

function mutate(rng: Rng, text: string): string {
  let out = text;
  const edits = 1 + Math.floor(rng() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rng() * (out.length + 1));
    const kind = rng();
    if (kind < 0.35) out = out.slice(0, at) + pick(rng, PIECES) + out.slice(at);
    else if (kind < 0.65) out = out.slice(0, at) + out.slice(at + 1);
    else if (kind < 0.85 && at + 1 < out.length)
      out = out.slice(0, at) + out[at + 1] + out[at] + out.slice(at + 2);
    else out = out.slice(0, at) + out.slice(at, at + 1 + Math.floor(rng() * 6)).repeat(2) + out.slice(at);
  }
  return out;
}

describe('GIVEN 12,000 generated inputs from a fixed seed', () => {
  it('THEN the reader never throws, answers each within 1 s, and what it prints reads back the same', () => {
    const rng = seededRng(20240601);
    let slowest = 0;
    let read = 0;
    for (let i = 0; i < 12_000; i++) {
      const text = i % 2 === 0 ? randomText(rng) : mutate(rng, pick(rng, VALID));
      const started = performance.now();
      let result: ReturnType<typeof readExpression>;
      try {
        result = readExpression(text, seedVocab);
      } catch (thrown) {
        throw new Error(`readExpression threw on ${JSON.stringify(text)}: ${String(thrown)}`);
      }
      const elapsed = performance.now() - started;
      slowest = Math.max(slowest, elapsed);
      expect(elapsed, JSON.stringify(text)).toBeLessThan(1000);
      if (result.ok) {
        read++;
        const again = readExpression(result.normalized, seedVocab);
        expect(again.ok && again.expr, `${JSON.stringify(text)} → ${result.normalized}`).toEqual(result.expr);
      } else {
        expect(result.error.message, JSON.stringify(text)).not.toMatch(/\(char \d+\)/);
      }
    }
    // The mutations of valid answers must leave a fair share readable, or the round trip tests nothing.
    expect(read).toBeGreaterThan(1000);
    expect(slowest).toBeLessThan(1000);
  });
});
