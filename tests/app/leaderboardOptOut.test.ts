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

// Leaving the leaderboards: the totals the boards read ("ScoreTotal", "PeriodScore") carry a `listed`
// flag kept by triggers from `User.leaderboardOptOut` (when the flag changes, and on every row inserted,
// including the rows a time-zone change rebuilds). Deleting one's data removes the rows altogether.

const NOW = new Date('2026-03-04T12:00:00Z'); // a Wednesday: every solve below is this week and month
const PERIODS = ['week', 'month', 'all'] as const;
const cards = [
  fakeCard('d1', { difficulty: 1 }),
  fakeCard('d3', { difficulty: 3 }),
  fakeCard('d5', { difficulty: 5 }),
];

let opened: TestApp;
let ctx: AppContext;
let clock: ReturnType<typeof fixedClock>;

const ref = (id: string) => ({ id, displayName: id.toUpperCase() });

async function solve(userId: string, cardId: string, channelId = 'ch1') {
  const started = await startQuiz(ctx, { user: ref(userId), guildId: 'g', channelId, cardId });
  if (started.kind !== 'started') throw new Error(started.kind);
  const result = await submitAnswer(ctx, {
    externalId: `opt:${userId}:${cardId}:${channelId}`,
    user: ref(userId),
    guildId: 'g',
    channelId,
    quizId: started.quiz.id,
    input: 'right',
  });
  expect(result).toMatchObject({ kind: 'graded', points: 10 * Number(cardId.slice(1)) });
}

async function board(
  period: (typeof PERIODS)[number],
  userId: string,
  scope: 'server' | 'channel' = 'server',
  channelId = 'ch1',
) {
  clock.set(NOW);
  const result = await leaderboard(ctx, { guildId: 'g', channelId, userId, period, scope });
  return {
    top: result.top.map((row) => `${row.rank}:${row.userId}:${row.points}`),
    me: result.me && `${result.me.rank}:${result.me.points}`,
  };
}

/** The week, month and all-time boards as `userId` sees them: all three read the same totals here. */
async function everyPeriod(userId: string, scope: 'server' | 'channel' = 'server', channelId = 'ch1') {
  const pages = await Promise.all(PERIODS.map((period) => board(period, userId, scope, channelId)));
  for (const page of pages.slice(1)) expect(page).toEqual(pages[0]);
  return pages[0]!;
}

const visible = (user: string, yes: boolean) => setLeaderboardVisibility(ctx, ref(user), yes);

beforeAll(async () => {
  opened = await startTestApp(cards, { now: NOW });
  ({ ctx, clock } = opened);
  await solve('a', 'd5');
  await solve('b', 'd3');
  await solve('c', 'd1', 'ch2');
});
afterAll(async () => {
  await opened?.close();
});

const everyone = { top: ['1:a:50', '2:b:30', '3:c:10'], me: '3:10' };

describe('leaving and rejoining the leaderboards', () => {
  it('GIVEN a user who opts out THEN they leave every board, have no own line, and the ranks below close up; back in, they return with the same points', async () => {
    expect(await everyPeriod('c')).toEqual(everyone);

    await visible('b', false);
    expect(await everyPeriod('c')).toEqual({ top: ['1:a:50', '2:c:10'], me: '2:10' });
    expect(await everyPeriod('b')).toEqual({ top: ['1:a:50', '2:c:10'], me: undefined });
    expect(await everyPeriod('b', 'channel')).toEqual({ top: ['1:a:50'], me: undefined });
    // Their points were kept: the boards above show them again, unchanged, once they are back.

    await visible('b', true);
    expect(await everyPeriod('c')).toEqual(everyone);
    expect(await everyPeriod('b')).toEqual({ top: everyone.top, me: '2:30' });
    expect(await everyPeriod('b', 'channel')).toEqual({ top: ['1:a:50', '2:b:30'], me: '2:30' });
  });

  it('GIVEN points earned while opted out, some in new totals rows THEN they stay hidden, and count once back in', async () => {
    await visible('b', false);
    await solve('b', 'd1', 'ch3'); // a new channel: new server and channel rows for b
    // d opts out before scoring at all: every row of theirs is born unlisted.
    await visible('d', false);
    await solve('d', 'd5', 'ch3');
    try {
      expect(await everyPeriod('c')).toEqual({ top: ['1:a:50', '2:c:10'], me: '2:10' });
      expect(await everyPeriod('d', 'channel', 'ch3')).toEqual({ top: [], me: undefined });
    } finally {
      await visible('b', true);
      await visible('d', true);
    }
    expect(await everyPeriod('b')).toEqual({
      top: ['1:a:50', '1:d:50', '3:b:40', '4:c:10'],
      me: '3:40',
    });
    expect(await everyPeriod('b', 'channel', 'ch3')).toEqual({ top: ['1:d:50', '2:b:10'], me: '2:10' });
  });

  it('GIVEN an opted-out user and a time-zone change that rebuilds the periods THEN they stay hidden', async () => {
    await visible('b', false);
    try {
      await ctx.store.guilds.update('g', { timeZone: 'Asia/Tokyo' });
      expect(await everyPeriod('b')).toEqual({ top: ['1:a:50', '1:d:50', '3:c:10'], me: undefined });
    } finally {
      await ctx.store.guilds.update('g', { timeZone: 'UTC' });
      await visible('b', true);
    }
    expect((await everyPeriod('b')).me).toBe('3:40');
  });

  it('GIVEN a user who deletes their data THEN they are gone from every board and the others move up', async () => {
    expect(await deleteMyData(ctx, 'a')).toEqual({ attempts: 1 });
    expect(await everyPeriod('a')).toEqual({ top: ['1:d:50', '2:b:40', '3:c:10'], me: undefined });
    expect(await everyPeriod('b')).toEqual({ top: ['1:d:50', '2:b:40', '3:c:10'], me: '2:40' });
    expect(await everyPeriod('b', 'channel')).toEqual({ top: ['1:b:30'], me: '1:30' });

    // An opted-out user who deletes their data is gone too, and does not come back by opting in.
    await visible('d', false);
    expect(await deleteMyData(ctx, 'd')).toEqual({ attempts: 1 });
    await visible('d', true);
    expect(await everyPeriod('d')).toEqual({ top: ['1:b:40', '2:c:10'], me: undefined });
  });
});
