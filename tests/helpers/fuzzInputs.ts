/** Generated inputs for fuzz tests: random runs of what students (and attackers) type, and mutations of valid answers. */
import type { Rng } from '../../src/core/random/rng.ts';

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

export const VALID = [
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

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

export function randomText(rng: Rng): string {
  const pieces = Math.floor(rng() ** 2 * (rng() < 0.02 ? 600 : 40));
  let text = '';
  for (let i = 0; i < pieces; i++) text += pick(rng, PIECES);
  return text;
}

export function mutate(rng: Rng, text: string): string {
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
