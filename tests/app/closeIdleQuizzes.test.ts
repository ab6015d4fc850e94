import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  closeIdleQuizzes,
  openQuizzes,
  startQuiz,
  submitAnswer,
  type AppContext,
} from '../../src/app/index.ts';
import { fakeCard } from '../support/fakeCards.ts';
import { startTestApp, type TestApp } from '../support/testApp.ts';

const DAY = 24 * 60 * 60 * 1000;
const ada = { id: 'ada', displayName: 'Ada' };

let opened: TestApp;
let ctx: AppContext;

beforeAll(async () => {
  opened = await startTestApp([fakeCard('i1', { parts: ['1', '2'] })], {
    now: new Date('2026-05-01T09:00:00Z'),
  });
  ({ ctx } = opened);
});
afterAll(async () => {
  await opened?.close();
});

async function open(channelId: string) {
  const started = await startQuiz(ctx, { user: ada, guildId: 'g', channelId, cardId: 'i1' });
  if (started.kind !== 'started') throw new Error(started.kind);
  return started.quiz;
}

describe('GIVEN quizzes of various ages and activity', () => {
  it('THEN only those nobody answered for the idle time are closed, once, and the open list is paged', async () => {
    const untouched = await open('c-untouched');
    const active = await open('c-active');
    opened.clock.advance(6 * DAY);
    await submitAnswer(ctx, {
      guildId: 'g',
      channelId: 'c-active',
      quizId: active.id,
      externalId: 'a1',
      user: ada,
      input: 'wrong',
    });
    opened.clock.advance(2 * DAY);
    const fresh = await open('c-fresh');

    const closed = await closeIdleQuizzes(ctx, { idleMs: 7 * DAY });
    expect(closed.map((quiz) => quiz.id)).toEqual([untouched.id]);
    expect(closed[0]).toMatchObject({ open: false });
    expect(await closeIdleQuizzes(ctx, { idleMs: 7 * DAY })).toEqual([]);

    const stillOpen = await openQuizzes(ctx, { guildId: 'g', limit: 10 });
    expect(stillOpen.map((quiz) => quiz.id)).toEqual([fresh.id, active.id]);
    expect(await openQuizzes(ctx, { guildId: 'g', limit: 1 })).toHaveLength(1);
    const since = new Date(ctx.clock.now().getTime() - DAY);
    expect((await openQuizzes(ctx, { createdSince: since, limit: 10 })).map((q) => q.id)).toEqual([fresh.id]);
  });
});
