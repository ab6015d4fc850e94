import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds, type SeedBank } from '../../../src/adapters/seeds/loadSeeds.ts';
import type { Card, NumericCard } from '../../../src/core/cards/card.ts';
import { findPart, gradeAnswer } from '../../../src/core/grading/index.ts';
import { seededRng } from '../../../src/core/random/rng.ts';

const DECK = fileURLToPath(new URL('../../fixtures/deck/', import.meta.url));

let bank: SeedBank;
const card = (id: string): Card => {
  const found = bank.cards.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no card ${id}`);
  return found;
};
const numeric = (id: string): NumericCard => {
  const c = card(id);
  if (c.grading !== 'numeric') throw new Error(`${id} is not numeric: ${c.fallback ?? ''}`);
  return c;
};
const grade = (id: string, label: string, answer: string) => {
  const c = numeric(id);
  return gradeAnswer(c, findPart(c, label) as NonNullable<ReturnType<typeof findPart>>, answer, seededRng(3))
    .verdict;
};

beforeAll(async () => {
  bank = await loadSeeds(DECK);
});

describe('GIVEN a deck of course notes without check blocks', () => {
  it('THEN every card loads', () => {
    expect(bank.broken).toEqual([]);
    expect(bank.cards).toHaveLength(bank.files.length);
  });

  it('THEN each derivation whose solution is right drafts to numeric, and the others are flashcards', () => {
    const modes = Object.fromEntries(bank.cards.map((c) => [c.id, `${c.grading}/${c.check}`]));
    expect(modes).toEqual({
      ssu_batch6_005: 'numeric/drafted',
      notes_linreg_01: 'numeric/drafted',
      notes_logloss_pm1: 'numeric/drafted',
      notes_poisson_glm: 'numeric/drafted',
      notes_ridge: 'numeric/drafted',
      notes_logreg_bias: 'numeric/drafted',
      notes_tanh_unit: 'numeric/drafted',
      notes_relu_unit: 'self/none',
      notes_sigmoid_prime: 'numeric/drafted',
      notes_normal_equations: 'self/none',
      notes_bias_variance: 'self/none',
      notes_sigmoid_def: 'self/none',
    });
  });

  it('THEN a wrong solution is a warning naming the formula and the gradient at a point', () => {
    const warning = bank.problems.find((p) => p.file === '007_relu-wrong.md');
    expect(warning?.warning).toBe(true);
    expect(warning?.message).toMatch(
      /the solution's formula \(yhat - y\) \* x is not ∂ℓ\/∂w: at n=\d, .* gives \[.*\] but the gradient is \[/,
    );
    const relu = card('notes_relu_unit');
    expect(relu.grading === 'self' ? relu.fallback : undefined).toMatch(/\(yhat - y\) \* x/);
  });

  it('THEN non-derivation cards are flashcards without a warning', () => {
    for (const file of ['010_bias-variance.md', '011_sigmoid-definition.md'])
      expect(bank.problems.filter((p) => p.file === file)).toEqual([]);
  });

  it('THEN sign is strict unless the card gives both signs, and a part asking for a name requires it', () => {
    expect(numeric('notes_linreg_01').parts.map((p) => p.sign)).toEqual(['strict']);
    expect(grade('notes_linreg_01', '1', '(y - yhat) x')).toBe('incorrect');
    expect(numeric('notes_tanh_unit').parts[1]?.require).toEqual(['h']);
    expect(grade('notes_tanh_unit', '2', '(tanh(s) - y)(1 - tanh(s)^2) x_j')).toBe('not_simplified');
  });

  it('THEN each family grades its textbook answer correct', () => {
    expect(grade('notes_logloss_pm1', '1', '-y x / (1 + exp(y w^T x))')).toBe('correct');
    expect(grade('notes_poisson_glm', '1', '(exp(w^T x) - y) x')).toBe('correct');
    expect(grade('notes_ridge', '1', '(w^T x - y) x + \\lambda w')).toBe('correct');
    expect(grade('notes_logreg_bias', '2', '\\hat{y} - y')).toBe('correct');
    expect(grade('notes_sigmoid_prime', '1', 'sigma(s)(1 - sigma(s))')).toBe('correct');
    expect(numeric('notes_logreg_bias').parts.map((p) => p.wrt)).toEqual(['w', 'b']);
  });
});
