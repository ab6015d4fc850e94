import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../../src/adapters/store/index.ts';
import { leaderboard, startQuiz, submitAnswer, type AppContext } from '../../src/app/index.ts';
import { fakeCard } from '../support/fakeCards.ts';
import { startDatabaseTestApp, type fixedClock, type DatabaseTestApp } from '../support/testApp.ts';

// The week and month totals ("PeriodScore") are kept in the guild's time zone: `updateGuild` with a new
// zone rebuilds them from the ledger (`gradquiz_rebuild_period_scores`), and the points earned after it
// go to the new zone's periods. The rebuild and the answers' trigger share a per-guild lock (migration
// `period_scores_rebuild_lock`), so a change made while answers are being recorded neither fails nor
// leaves an answer counted in the old zone.

const TOKYO = 'Asia/Tokyo'; // UTC+9, no daylight saving time
// Sunday 31 May 2026 is the last day of a week and of a month in UTC; in Tokyo from 15:00 UTC it is
// already Monday 1 June, the first day of the next week and month.
const MONDAY = new Date('2026-06-01T12:00:00Z'); // Monday in both zones (21:00 in Tokyo)
const SUNDAY = new Date('2026-05-31T12:00:00Z'); // Sunday in both zones (21:00 in Tokyo)
const cards = [
  fakeCard('d1', { difficulty: 1 }),
  fakeCard('d3', { difficulty: 3 }),
  fakeCard('d5', { difficulty: 5 }),
  fakeCard('p3', { difficulty: 1, parts: ['1', '2', '3'] }),
];

let opened: DatabaseTestApp;
let db: Database;
let ctx: AppContext;
let clock: ReturnType<typeof fixedClock>;

async function solve(guildId: string, userId: string, cardId: string, at: string, channelId = 'ch1') {
  clock.set(new Date(at));
  const user = { id: userId, displayName: userId.toUpperCase() };
  const started = await startQuiz(ctx, { user, guildId, channelId, cardId });
  if (started.kind !== 'started') throw new Error(started.kind);
  const result = await submitAnswer(ctx, {
    externalId: `tz:${guildId}:${userId}:${cardId}`,
    user,
    guildId,
    channelId,
    quizId: started.quiz.id,
    input: 'right',
  });
  expect(result).toMatchObject({ kind: 'graded', points: 10 * Number(cardId.slice(1)) });
}

/** A board as `rank:user:points` lines and the caller's `rank:points`, read at `now`. */
async function board(
  period: 'week' | 'month' | 'all',
  now: Date,
  options: { userId?: string; scope?: 'server' | 'channel'; channelId?: string; guildId?: string } = {},
) {
  clock.set(now);
  const result = await leaderboard(ctx, {
    guildId: options.guildId ?? 'g',
    channelId: options.channelId ?? 'ch1',
    userId: options.userId ?? 'a',
    period,
    scope: options.scope ?? 'server',
  });
  return {
    top: result.top.map((row) => `${row.rank}:${row.userId}:${row.points}`),
    me: result.me && `${result.me.rank}:${result.me.points}`,
  };
}

/**
 * Waits until another session of this database waits for a lock held by the transaction the test keeps
 * open (the period-scores lock, or the guild row the change updated). On PGlite, which runs one
 * transaction at a time, the second is queued behind the first already.
 */
async function untilBlocked(): Promise<void> {
  if (db.kind !== 'postgres') return;
  await expect
    .poll(
      async () =>
        (
          await db.prisma.$queryRaw<{ waiting: number }[]>`
            SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`
        )[0]?.waiting,
      { timeout: 10_000, interval: 10 },
    )
    .toBeGreaterThan(0);
}

/** A promise opened by hand. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** A guild's server-wide period totals, by user. */
async function periodStarts(guildId: string) {
  const rows = await db.prisma.periodScore.findMany({
    where: { guildId, channelId: '' },
    orderBy: [{ userId: 'asc' }, { period: 'asc' }, { start: 'asc' }],
  });
  return rows.map(({ userId, period, start, points }) => ({
    userId,
    period,
    start: start.toISOString().slice(0, 10),
    points,
  }));
}

/** The boards that move with the zone: this and last week and month (server), and this week in ch1. */
const boards = async () => ({
  week: await board('week', MONDAY),
  month: await board('month', MONDAY),
  lastWeek: await board('week', SUNDAY),
  lastMonth: await board('month', SUNDAY),
  channelWeek: await board('week', MONDAY, { scope: 'channel' }),
  all: await board('all', MONDAY),
});

beforeAll(async () => {
  opened = await startDatabaseTestApp(cards);
  ({ db, ctx, clock } = opened);
  await solve('g', 'a', 'd3', '2026-05-31T23:30:00Z'); // Sunday 23:30 UTC = Monday 08:30 in Tokyo
  await solve('g', 'b', 'd1', '2026-06-01T01:00:00Z'); // Monday in both
  await solve('g', 'c', 'd5', '2026-05-31T14:00:00Z', 'ch2'); // Sunday in both (23:00 in Tokyo)
  await solve('h', 'a', 'd5', '2026-05-31T23:30:00Z'); // another guild, which stays in UTC
});
afterAll(async () => {
  await opened?.close();
});

// In UTC, a's solve is in the week of 25 May and in May.
const inUtc = {
  week: { top: ['1:b:10'], me: undefined },
  month: { top: ['1:b:10'], me: undefined },
  lastWeek: { top: ['1:c:50', '2:a:30'], me: '2:30' },
  lastMonth: { top: ['1:c:50', '2:a:30'], me: '2:30' },
  channelWeek: { top: ['1:b:10'], me: undefined },
  all: { top: ['1:c:50', '2:a:30', '3:b:10'], me: '2:30' },
};
// In Tokyo, it is in the week of 1 June and in June.
const inTokyo = {
  week: { top: ['1:a:30', '2:b:10'], me: '1:30' },
  month: { top: ['1:a:30', '2:b:10'], me: '1:30' },
  lastWeek: { top: ['1:c:50'], me: undefined },
  lastMonth: { top: ['1:c:50'], me: undefined },
  channelWeek: { top: ['1:a:30', '2:b:10'], me: '1:30' },
  all: inUtc.all,
};
const otherGuild = { top: ['1:a:50'], me: '1:50' };

describe('a guild changing its time zone', () => {
  it('GIVEN points near midnight THEN week and month boards move to the new zone, and back', async () => {
    expect(await boards()).toEqual(inUtc);

    expect(await ctx.store.guilds.update('g', { timeZone: TOKYO })).toMatchObject({ timeZone: TOKYO });
    expect(await boards()).toEqual(inTokyo);
    // The other guild's periods stay where its own zone puts them.
    expect(await board('week', SUNDAY, { guildId: 'h' })).toEqual(otherGuild);
    expect(await board('month', SUNDAY, { guildId: 'h' })).toEqual(otherGuild);

    await ctx.store.guilds.update('g', { timeZone: 'UTC' });
    expect(await boards()).toEqual(inUtc);
    expect(await board('week', SUNDAY, { guildId: 'h' })).toEqual(otherGuild);
  });

  it('GIVEN a new zone THEN points earned after the change count in its periods, and move back with it', async () => {
    await ctx.store.guilds.update('g', { timeZone: TOKYO });
    try {
      await solve('g', 'd', 'd1', '2026-05-31T23:45:00Z'); // Monday 08:45 in Tokyo
      expect(await board('week', MONDAY, { userId: 'd' })).toEqual({
        top: ['1:a:30', '2:b:10', '2:d:10'],
        me: '2:10',
      });
      expect((await board('month', SUNDAY, { userId: 'd' })).top).toEqual(['1:c:50']);
    } finally {
      await ctx.store.guilds.update('g', { timeZone: 'UTC' });
    }
    expect(await board('week', MONDAY, { userId: 'd' })).toEqual({ top: ['1:b:10'], me: undefined });
    expect(await board('week', SUNDAY, { userId: 'd' })).toEqual({
      top: ['1:c:50', '2:a:30', '3:d:10'],
      me: '3:10',
    });
    expect((await board('month', SUNDAY, { userId: 'd' })).top).toEqual(['1:c:50', '2:a:30', '3:d:10']);
  });

  it('GIVEN answers recorded while the zone changes THEN none fails and the week and month totals match the ledger in the final zone', async () => {
    clock.set(new Date('2026-05-31T23:30:00Z')); // Sunday in UTC, Monday in Tokyo
    const owner = { id: 'owner', displayName: 'Owner' };
    const started = await startQuiz(ctx, { user: owner, guildId: 'r', channelId: 'race', cardId: 'p3' });
    if (started.kind !== 'started') throw new Error(started.kind);
    const users = 40;
    let answering = true;
    const answers = Promise.all(
      Array.from({ length: users }, async (_, n) => {
        const user = { id: `r${n}`, displayName: `R${n}` };
        for (const part of ['1', '2', '3']) {
          const result = await submitAnswer(ctx, {
            externalId: `race:${n}:${part}`,
            user,
            guildId: 'r',
            channelId: 'race',
            quizId: started.quiz.id,
            part,
            input: 'right',
          });
          expect(result).toMatchObject({ kind: 'graded', points: 10 });
        }
      }),
    ).finally(() => {
      answering = false;
    });
    // The zone flips for as long as answers are being recorded.
    let timeZone = 'UTC';
    let flips = 0;
    const zones = (async () => {
      while (answering || flips < 2) {
        timeZone = timeZone === 'UTC' ? TOKYO : 'UTC';
        await ctx.store.guilds.update('r', { timeZone });
        flips += 1;
      }
    })();
    await Promise.all([answers, zones]);

    // Every point is in one week and one month: Monday 1 June in Tokyo, 25 May and May in UTC.
    const [week, month] = timeZone === TOKYO ? ['2026-06-01', '2026-06-01'] : ['2026-05-25', '2026-05-01'];
    const periods = await db.prisma.periodScore.groupBy({
      by: ['channelId', 'period', 'start'],
      where: { guildId: 'r' },
      _sum: { points: true },
      _count: true,
      orderBy: [{ channelId: 'asc' }, { period: 'asc' }],
    });
    expect(periods).toEqual(
      ['', 'race'].flatMap((channelId) =>
        [
          ['month', month],
          ['week', week],
        ].map(([period, start]) => ({
          channelId,
          period,
          start: new Date(`${start!}T00:00:00Z`),
          _sum: { points: users * 30 },
          _count: users,
        })),
      ),
    );
    const now = new Date('2026-05-31T23:30:00Z');
    expect((await board('week', now, { guildId: 'r', userId: 'r0' })).me).toBe('1:30');
  });

  it('GIVEN an answer in flight when the zone changes THEN the change waits for it and counts it in the new zone', async () => {
    const at = new Date('2026-05-31T23:30:00Z'); // Sunday in UTC, Monday in Tokyo
    await solve('s', 's0', 'd1', at.toISOString());
    await ctx.store.members.ensure({ id: 's1', displayName: 'S1' });
    const inside = gate();
    const release = gate();
    // An answer's transaction that has written its ledger entry (and, by the trigger, its UTC period
    // totals) but not committed yet.
    const answering = db.transaction(async (tx) => {
      const attempt = await tx.attempt.create({
        data: {
          externalId: 'flight:s1',
          verdict: 'correct',
          input: 'right',
          cardId: 'd3',
          part: '1',
          isStep: false,
          userId: 's1',
          createdAt: at,
          quizId: null,
          guildId: 's',
          channelId: 'ch1',
          points: 30,
          mistake: null,
          rating: null,
          feedback: 'correct',
        },
      });
      await tx.pointsEntry.create({
        data: {
          attemptId: attempt.id,
          guildId: 's',
          channelId: 'ch1',
          userId: 's1',
          points: 30,
          createdAt: at,
        },
      });
      inside.open();
      await release.opened;
    });
    await inside.opened;
    const changing = ctx.store.guilds.update('s', { timeZone: TOKYO });
    await untilBlocked();
    release.open();
    await Promise.all([answering, changing]);

    expect(await periodStarts('s')).toEqual([
      { userId: 's0', period: 'month', start: '2026-06-01', points: 10 },
      { userId: 's0', period: 'week', start: '2026-06-01', points: 10 },
      { userId: 's1', period: 'month', start: '2026-06-01', points: 30 },
      { userId: 's1', period: 'week', start: '2026-06-01', points: 30 },
    ]);
  });

  it('GIVEN the zone changing when an answer is recorded THEN the answer waits for it and counts in the new zone', async () => {
    await solve('t', 't0', 'd1', '2026-05-31T23:30:00Z');
    const inside = gate();
    const release = gate();
    // What updateGuild does, held open before its commit.
    const changing = db.transaction(async (tx) => {
      await tx.guild.update({ where: { id: 't' }, data: { timeZone: TOKYO } });
      await tx.$executeRaw`SELECT gradquiz_rebuild_period_scores('t')`;
      inside.open();
      await release.opened;
    });
    await inside.opened;
    const answering = solve('t', 't1', 'd3', '2026-05-31T23:30:00Z');
    await untilBlocked();
    release.open();
    await Promise.all([changing, answering]);

    expect(await periodStarts('t')).toEqual([
      { userId: 't0', period: 'month', start: '2026-06-01', points: 10 },
      { userId: 't0', period: 'week', start: '2026-06-01', points: 10 },
      { userId: 't1', period: 'month', start: '2026-06-01', points: 30 },
      { userId: 't1', period: 'week', start: '2026-06-01', points: 30 },
    ]);
  });
});
