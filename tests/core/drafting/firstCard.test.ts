import { mkdtemp, copyFile, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../../src/adapters/seeds/loadSeeds.ts';
import type { NumericCard } from '../../../src/core/cards/card.ts';
import { parseCard } from '../../../src/core/cards/parseCard.ts';
import { findPart, gradeAnswer } from '../../../src/core/grading/index.ts';
import { seededRng } from '../../../src/core/random/rng.ts';
import { stepsOf } from '../../../src/core/steps/steps.ts';

const FIRST = fileURLToPath(new URL('../../fixtures/deck/000_aa23e2add4713a5a.txt', import.meta.url));
const WRITTEN = fileURLToPath(new URL('../../../seeds/000_aa23e2add4713a5a.txt', import.meta.url));

let dir: string;
let drafted: NumericCard;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gradquiz-first-card-'));
  await copyFile(FIRST, join(dir, '000_aa23e2add4713a5a.txt'));
  const bank = await loadSeeds(dir);
  expect(bank.broken).toEqual([]);
  expect(bank.cards).toHaveLength(1);
  drafted = bank.cards[0] as NumericCard;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const grade = (card: NumericCard, label: string, answer: string, seed = 7) =>
  gradeAnswer(
    card,
    findPart(card, label) as NonNullable<ReturnType<typeof findPart>>,
    answer,
    seededRng(seed),
  );

describe('GIVEN the first card exactly as its author wrote it, alone in a seeds folder', () => {
  it('THEN it loads numeric, with a drafted block whose parts take either sign', () => {
    expect(drafted.grading).toBe('numeric');
    expect(drafted.check).toBe('drafted');
    expect(drafted.parts.map((p) => [p.label, p.sign])).toEqual([
      ['1', 'either'],
      ['2', 'either'],
    ]);
    expect(drafted.parts[1]?.require).toEqual(['yhat']);
  });

  it('THEN part 1 takes the answer in either sign convention and in LaTeX, and refuses a kept σ′', () => {
    for (const answer of ['(y - yhat) * x', '(yhat - y)x', '(y-\\sigma(w^T x))x'])
      expect(grade(drafted, '1', answer).verdict, answer).toBe('correct');
    expect(grade(drafted, '1', '(y - yhat) * yhat * (1 - yhat) * x').verdict).toBe('incorrect');
  });

  it('THEN its given names form the chain the solution uses (s, then ŷ = σ(s)), so wrong answers are diagnosed and steps exist', () => {
    expect(drafted.given.map((g) => [g.name, g.source])).toEqual([
      ['s', 'sum_i(w_i * x_i)'],
      ['yhat', 'sigma(s)'],
    ]);
    expect(grade(drafted, '1', '(y - yhat) * yhat * (1 - yhat) * x')).toMatchObject({
      verdict: 'incorrect',
      mistake: 'extra_factor:dyhat/ds',
    });
    const part = findPart(drafted, '1') as NonNullable<ReturnType<typeof findPart>>;
    expect(stepsOf(drafted, part).map((step) => step.key)).toEqual(['dl/dyhat', 'dyhat/ds', 'ds/dw']);
  });

  it('THEN its drafted block and its written block agree on the written answer, mistakes and their negations', async () => {
    const parsed = parseCard(await readFile(WRITTEN, 'utf8'), 'written.txt', 'written');
    if (!parsed.ok || parsed.card.grading !== 'numeric')
      throw new Error('the written seed must load numeric');
    const written = parsed.card;
    for (const part of written.parts) {
      const answers = [part.answerSource, ...part.mistakes.map((m) => m.answer)];
      for (const answer of [...answers, ...answers.map((a) => `-(${a})`)]) {
        expect(grade(drafted, part.label, answer).verdict, `part ${part.label}: ${answer}`).toBe(
          grade(written, part.label, answer).verdict,
        );
      }
    }
  });
});
