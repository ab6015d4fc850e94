import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../../src/adapters/store/index.ts';
import { startQuiz, type AppContext, type QuizRecord, type Store } from '../../src/app/index.ts';
import { emptyProgress } from '../../src/app/emptyProgress.ts';
import { fakeCard } from '../support/fakeCards.ts';
import { startTestApp, type TestApp } from '../support/testApp.ts';

// `Store.recordAnswer` checks, under the user's lock, that the progress still has the version its
// caller read: otherwise it answers `stale` and writes nothing (no attempt, no points, no progress).

const NOW = new Date('2026-03-04T12:00:00Z');
const user = { id: 'u', displayName: 'U' };

let opened: TestApp;
let db: Database;
let ctx: AppContext;
let store: Store;
let quiz: QuizRecord;

beforeAll(async () => {
  opened = await startTestApp([fakeCard('c1', { difficulty: 2 })], { now: NOW });
  ({ db, ctx } = opened);
  store = ctx.store;
  const started = await startQuiz(ctx, { user, guildId: 'g', channelId: 'ch', cardId: 'c1' });
  if (started.kind !== 'started') throw new Error(started.kind);
  quiz = started.quiz;
});
afterAll(async () => {
  await opened?.close();
});

const solve = (externalId: string, expectedVersion: number | null, points: number) =>
  store.recordAnswer({
    user,
    attempt: {
      externalId,
      verdict: 'correct',
      input: 'right',
      cardId: 'c1',
      part: '1',
      isStep: false,
      userId: user.id,
      createdAt: NOW,
      quizId: quiz.id,
      guildId: 'g',
      channelId: 'ch',
      points,
      mistake: null,
      feedback: 'correct',
      rating: null,
    },
    progress: { ...emptyProgress(user.id, 'c1', '1'), attempts: 1, solvedAt: NOW, status: 'learning' },
    expectedVersion,
    rateLimit: { limit: 100, since: new Date(NOW.getTime() - 60_000) },
  });

const written = async () => ({
  attempts: await db.prisma.attempt.count({ where: { userId: user.id } }),
  points: await db.prisma.pointsEntry.count({ where: { userId: user.id } }),
  totals: await db.prisma.scoreTotal.count({ where: { userId: user.id } }),
  periods: await db.prisma.periodScore.count({ where: { userId: user.id } }),
  progress: await db.prisma.progress.findMany({
    where: { userId: user.id },
    select: { version: true, hintsUsed: true, attempts: true, solvedAt: true },
  }),
});

describe('recordAnswer and the progress version', () => {
  it('GIVEN a progress row its caller did not see, or a version that moved THEN it answers stale and writes nothing', async () => {
    // The caller read no progress (null) but a hint has created the row since.
    await store.transaction(async (tx) => {
      await tx.lockUser(user.id);
      await tx.saveProgress({ ...emptyProgress(user.id, 'c1', '1'), hintsUsed: 1, roundHints: 1 });
    });
    const created = { attempts: 0, points: 0, totals: 0, periods: 0 };
    const hinted = [{ version: 0, hintsUsed: 1, attempts: 0, solvedAt: null }];
    expect(await solve('s:1', null, 20)).toEqual({ kind: 'stale' });
    expect(await written()).toEqual({ ...created, progress: hinted });

    // A second hint bumps the version to 1: the caller's 0 is stale.
    await store.transaction(async (tx) => {
      const progress = await tx.getProgress(user.id, 'c1', '1');
      await tx.saveProgress({ ...progress!, hintsUsed: 2, roundHints: 2 });
    });
    expect(await solve('s:2', 0, 20)).toEqual({ kind: 'stale' });
    expect(await written()).toEqual({
      ...created,
      progress: [{ version: 1, hintsUsed: 2, attempts: 0, solvedAt: null }],
    });

    // With the current version it records (the progress it is given), and moves the version on.
    expect(await solve('s:3', 1, 16)).toMatchObject({ kind: 'recorded' });
    expect(await written()).toEqual({
      attempts: 1,
      points: 1,
      totals: 2,
      periods: 4,
      progress: [{ version: 2, hintsUsed: 0, attempts: 1, solvedAt: NOW }],
    });
    // The version it read before is stale now.
    expect(await solve('s:4', 1, 16)).toEqual({ kind: 'stale' });
    expect((await written()).attempts).toBe(1);
  });
});
