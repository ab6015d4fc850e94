import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  nextHint,
  nextReview,
  progress,
  revealSolution,
  startQuiz,
  submitAnswer,
  type AppContext,
} from '../../src/app/index.ts';
import { fakeCard } from '../support/fakeCards.ts';
import { startTestApp, type fixedClock, type TestApp } from '../support/testApp.ts';

const cards = [
  fakeCard('two', { parts: ['1', '2'], difficulty: 2, tags: ['chain-rule'] }),
  fakeCard('one', { difficulty: 1 }),
];
const ada = { id: 'ada', displayName: 'Ada' };
let opened: TestApp;
let ctx: AppContext;
let clock: ReturnType<typeof fixedClock>;

beforeAll(async () => {
  opened = await startTestApp(cards);
  ({ ctx, clock } = opened);
});
afterAll(async () => {
  await opened?.close();
});

describe('a study session', () => {
  it('GIVEN hints, a solve and a give-up THEN points, progress and reviews follow the rules', async () => {
    const started = await startQuiz(ctx, { user: ada, guildId: 'g', channelId: 'ch', cardId: 'two' });
    if (started.kind !== 'started') throw new Error(started.kind);
    const where = { guildId: 'g', channelId: 'ch', userId: 'ada', displayName: 'Ada' };

    expect(await nextHint(ctx, where)).toMatchObject({ kind: 'hint', part: '1', number: 1, total: 2 });
    const solved = await submitAnswer(ctx, {
      externalId: 'f:1',
      user: ada,
      guildId: 'g',
      channelId: 'ch',
      input: 'right',
    });
    // 20 × (1 − 0.1 for the hint)
    expect(solved).toMatchObject({ kind: 'graded', points: 18, nextPart: '2' });

    const revealed = await revealSolution(ctx, where);
    expect(revealed).toMatchObject({
      kind: 'solution',
      public: false,
      gaveUp: ['2'],
      solution: 'The answer.',
    });
    const after = await submitAnswer(ctx, {
      externalId: 'f:2',
      user: ada,
      guildId: 'g',
      channelId: 'ch',
      input: 'right',
    });
    expect(after).toMatchObject({ kind: 'graded', points: 0, firstSolve: true, nextPart: null });
    expect(await revealSolution(ctx, where)).toMatchObject({ kind: 'solution', public: true, gaveUp: [] });

    const report = await progress(ctx, { userId: 'ada', guildId: 'g' });
    expect(report).toMatchObject({ solvedCards: ['two'], attempts: 2, streak: 1, reviewsDue: 0 });
    expect(report.tags.find((tag) => tag.tag === 'chain-rule')).toEqual({
      tag: 'chain-rule',
      parts: 2,
      solved: 2,
      mastered: 0,
    });

    const none = await nextReview(ctx, { userId: 'ada' });
    expect(none).toMatchObject({ kind: 'none_due', next: { card: { id: 'two' } } });
    clock.advance(30 * 86_400_000);
    expect(await nextReview(ctx, { userId: 'ada' })).toMatchObject({
      kind: 'due',
      card: { id: 'two' },
      dueCount: 2,
    });
  });

  it('GIVEN a random quiz THEN an unsolved card is preferred', async () => {
    for (let i = 0; i < 5; i++) {
      const started = await startQuiz(ctx, { user: ada, guildId: 'g', channelId: 'ch3' });
      expect(started).toMatchObject({ kind: 'started', card: { id: 'one' }, alreadySolved: false });
    }
    expect(await startQuiz(ctx, { user: ada, guildId: 'g', channelId: 'ch3', tag: 'nope' })).toEqual({
      kind: 'no_match',
    });
    expect(await startQuiz(ctx, { user: ada, guildId: 'g', channelId: 'ch3', cardId: 'zzz' })).toEqual({
      kind: 'unknown_card',
      cardId: 'zzz',
    });
  });
});
