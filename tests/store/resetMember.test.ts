import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { leaderboard, resetMember, startQuiz, submitAnswer, type AppContext } from '../../src/app/index.ts';
import { fakeCard } from '../support/fakeCards.ts';
import { startDatabaseTestApp, type DatabaseTestApp } from '../support/testApp.ts';

const cards = [fakeCard('r1'), fakeCard('r2')];
const bob = { id: 'bob', displayName: 'Bob' };

let opened: DatabaseTestApp;
let ctx: AppContext;

beforeAll(async () => {
  opened = await startDatabaseTestApp(cards);
  ({ ctx } = opened);
});
afterAll(async () => {
  await opened?.close();
});

async function solve(guildId: string, cardId: string, key: string) {
  const started = await startQuiz(ctx, { user: bob, guildId, channelId: `${guildId}-ch`, cardId });
  if (started.kind !== 'started') throw new Error(started.kind);
  for (const input of ['wrong', 'right'])
    await submitAnswer(ctx, {
      guildId,
      channelId: `${guildId}-ch`,
      quizId: started.quiz.id,
      externalId: `${key}:${input}`,
      user: bob,
      input,
    });
}

const board = (guildId: string) =>
  leaderboard(ctx, { guildId, channelId: `${guildId}-ch`, userId: 'bob', period: 'all' });
const rows = (guildId: string) =>
  Promise.all([
    opened.db.prisma.attempt.count({ where: { userId: 'bob', guildId } }),
    opened.db.prisma.pointsEntry.count({ where: { userId: 'bob', guildId } }),
    opened.db.prisma.scoreTotal.count({ where: { userId: 'bob', guildId } }),
    opened.db.prisma.periodScore.count({ where: { userId: 'bob', guildId } }),
  ]);

describe('GIVEN a member with answers and points in two servers', () => {
  it('THEN an admin reset in one server removes that server’s attempts, points and leaderboard rows only, and keeps progress', async () => {
    await solve('server-a', 'r1', 'a');
    await solve('server-b', 'r2', 'b');
    const progressBefore = await ctx.store.history.progress('bob');
    expect((await board('server-a')).me?.points).toBeGreaterThan(0);

    expect(await resetMember(ctx, { guildId: 'server-a', userId: 'bob' })).toEqual({ attempts: 2 });

    expect(await rows('server-a')).toEqual([0, 0, 0, 0]);
    expect((await board('server-a')).top).toEqual([]);
    const [attemptsB, ledgerB, totalsB, periodsB] = await rows('server-b');
    expect([attemptsB, ledgerB]).toEqual([2, 1]);
    expect(totalsB).toBeGreaterThan(0);
    expect(periodsB).toBeGreaterThan(0);
    expect((await board('server-b')).me?.points).toBeGreaterThan(0);
    expect(await ctx.store.history.progress('bob')).toEqual(progressBefore);
    expect(await ctx.store.members.find('bob')).not.toBeNull();
  });
});
