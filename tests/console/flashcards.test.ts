import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../../src/adapters/store/index.ts';
import type { AppContext } from '../../src/app/index.ts';
import { attemptsOf, openConsoleApp, pipeSession } from './consoleHarness.ts';

const CONCEPT = 'concept_vanishing_gradients';
const WRONG_BLOCK = 'derivation_wrong_block';

let app: AppContext;
let db: Database;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, db, close } = await openConsoleApp('tests/fixtures/practice-deck'));
});
afterAll(async () => {
  await close?.();
});

const student = (name: string) => ({ id: `local:${name}`, displayName: name });

describe('GIVEN a deck with a concept card and a derivation whose written block is wrong', () => {
  it('THEN both load as flashcards', () => {
    expect(app.catalog.all().map((card) => [card.id, card.grading, card.check])).toEqual([
      [CONCEPT, 'self', 'none'],
      [WRONG_BLOCK, 'self', 'written'],
    ]);
  });

  it('THEN a practice session reveals, rates, and records one self_rated attempt without points', async () => {
    const output = await pipeSession(app, student('fay'), [
      `/quiz ${CONCEPT}`,
      'the sigmoid saturates',
      '/hint',
      '/step',
      '/solution',
      '/rate good',
      'another line',
      '/cards',
    ]);
    expect(output).toContain('Flashcard: recall the answer, then /solution shows it and you rate yourself.');
    expect(output).toContain(
      'This card is a flashcard: there is nothing to type or to hint. /solution shows the answer; then rate your recall with /rate.',
    );
    expect(output).toContain('so after $L$ layers the gradient has shrunk');
    expect(output).toContain(
      'How well did you recall it? /rate again, /rate hard, /rate good or /rate easy (or 1–4).',
    );
    expect(output).toMatch(
      new RegExp(
        `Rated good \\(no points for flashcards\\): ${CONCEPT} comes back for review on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC`,
      ),
    );
    expect(output).toContain('no open quiz: /quiz to start one');
    expect(output).toMatch(new RegExp(`${CONCEPT}\\s+flashcard`));
    expect(await attemptsOf(db, 'local:fay')).toEqual([
      expect.objectContaining({ verdict: 'self_rated', input: 'good', part: '1', points: 0 }),
    ]);
  });

  it('THEN /rate with a number works, and a word it does not know is explained', async () => {
    const output = await pipeSession(app, student('gus'), [
      `/quiz ${WRONG_BLOCK}`,
      '/rate perfect',
      '/rate 1',
    ]);
    expect(output).toContain(
      'Rate your recall with /rate again, /rate hard, /rate good or /rate easy (or 1–4).',
    );
    expect(output).toContain(`Rated again (no points for flashcards): ${WRONG_BLOCK}`);
  });
});
