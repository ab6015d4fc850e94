import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  deleteMyData,
  leaderboard,
  setLeaderboardVisibility,
  startQuiz,
  submitAnswer,
  type AppContext,
} from '../../src/app/index.ts';
import { fakeCard } from '../support/fakeCards.ts';
import { startTestApp, type fixedClock, type TestApp } from '../support/testApp.ts';

// Los Angeles is UTC−8 in winter: Monday 2 March 2026 00:00 there is 08:00 UTC.
const ZONE = 'America/Los_Angeles';
const NOW = new Date('2026-03-02T09:00:00Z');
const cards = [
  fakeCard('d1', { difficulty: 1 }),
  fakeCard('d3', { difficulty: 3 }),
  fakeCard('d5', { difficulty: 5 }),
];

let opened: TestApp;
let ctx: AppContext;
let clock: ReturnType<typeof fixedClock>;

async function solve(userId: string, cardId: string, at: string, channelId = 'ch1') {
  clock.set(new Date(at));
  const user = { id: userId, displayName: userId.toUpperCase() };
  const started = await startQuiz(ctx, { user, guildId: 'g', channelId, cardId });
  if (started.kind !== 'started') throw new Error(started.kind);
  const result = await submitAnswer(ctx, {
    externalId: `lb:${userId}:${cardId}`,
    user,
    guildId: 'g',
    channelId,
    quizId: started.quiz.id,
    input: 'right',
  });
  expect(result).toMatchObject({ kind: 'graded', points: 10 * Number(cardId.slice(1)) });
}

const board = async (
  period: 'week' | 'month' | 'all',
  userId = 'b',
  scope: 'server' | 'channel' = 'server',
) => {
  const result = await leaderboard(ctx, { guildId: 'g', channelId: 'ch2', userId, period, scope });
  return {
    top: result.top.map((row) => `${row.rank}:${row.userId}:${row.points}`),
    me: result.me && `${result.me.rank}:${result.me.points}`,
  };
};

beforeAll(async () => {
  opened = await startTestApp(cards);
  ({ ctx, clock } = opened);
  await ctx.store.guilds.update('g', { timeZone: ZONE });
  await solve('a', 'd3', '2026-03-02T07:30:00Z'); // Sunday 23:30 local: March, the week before
  await solve('b', 'd1', '2026-03-02T08:30:00Z', 'ch2'); // Monday 00:30 local: this week
  await solve('c', 'd5', '2026-03-01T07:00:00Z'); // Saturday 28 February 23:00 local
  clock.set(NOW);
});
afterAll(async () => {
  await opened?.close();
});

describe('leaderboard', () => {
  it('GIVEN solves around midnight in the guild time zone THEN week and month follow that zone', async () => {
    expect(await board('week')).toEqual({ top: ['1:b:10'], me: '1:10' });
    expect(await board('month')).toEqual({ top: ['1:a:30', '2:b:10'], me: '2:10' });
    expect(await board('all')).toEqual({ top: ['1:c:50', '2:a:30', '3:b:10'], me: '3:10' });
  });

  it('GIVEN the same solves in UTC THEN the boundaries move', async () => {
    await ctx.store.guilds.update('g', { timeZone: 'UTC' });
    try {
      // Monday 00:00 UTC: a (07:30) is this week; c (1 March) is in March.
      expect(await board('week')).toEqual({ top: ['1:a:30', '2:b:10'], me: '2:10' });
      expect(await board('month')).toEqual({ top: ['1:c:50', '2:a:30', '3:b:10'], me: '3:10' });
    } finally {
      await ctx.store.guilds.update('g', { timeZone: ZONE });
    }
  });

  it('GIVEN the channel scope THEN only that channel counts', async () => {
    expect(await board('all', 'a', 'channel')).toEqual({ top: ['1:b:10'], me: undefined });
  });

  it('GIVEN a user who opts out THEN they are hidden and others move up; back in, they return', async () => {
    await setLeaderboardVisibility(ctx, { id: 'c', displayName: 'C' }, false);
    expect(await board('all')).toEqual({ top: ['1:a:30', '2:b:10'], me: '2:10' });
    expect((await board('all', 'c')).me).toBeUndefined();
    await setLeaderboardVisibility(ctx, { id: 'c', displayName: 'C' }, true);
    expect((await board('all')).top).toEqual(['1:c:50', '2:a:30', '3:b:10']);
  });

  it('GIVEN a user deletes their data THEN their attempts, progress and points are gone', async () => {
    expect(await deleteMyData(ctx, 'c')).toEqual({ attempts: 1 });
    expect(await ctx.store.history.countAnswers('c')).toBe(0);
    expect(await ctx.store.history.progress('c')).toEqual([]);
    expect((await board('all')).top).toEqual(['1:a:30', '2:b:10']);
  });
});
