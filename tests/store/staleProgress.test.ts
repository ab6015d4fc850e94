import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../../src/adapters/store/index.ts';
import {
  nextHint,
  startQuiz,
  submitAnswer,
  type AppContext,
  type ProgressRecord,
  type QuizRecord,
} from '../../src/app/index.ts';
import { createSerialQueue } from '../../src/app/serialQueue.ts';
import { fakeCard } from '../support/fakeCards.ts';
import { startDatabaseTestApp, type DatabaseTestApp } from '../support/testApp.ts';

// The stale-progress retry of submitAnswer: when the progress moves between `answers.context` and
// `answers.recordAnswer` (here a hint taken in between by another process, which bumps its version), `gradquiz_record`
// answers `stale` and writes nothing; the answer is then read, decided and written again, once, with
// its points and progress computed from the progress as it is now.

const cards = [fakeCard('d3', { difficulty: 3 })];
const GUILD = 'g';
const CHANNEL = 'ch';

let opened: DatabaseTestApp;
let db: Database;
let ctx: AppContext;

beforeAll(async () => {
  opened = await startDatabaseTestApp(cards);
  ({ db, ctx } = opened);
});
afterAll(async () => {
  await opened?.close();
});

const userRef = (id: string) => ({ id, displayName: id.toUpperCase() });

async function quizFor(userId: string): Promise<QuizRecord> {
  const started = await startQuiz(ctx, {
    user: userRef(userId),
    guildId: GUILD,
    channelId: `${CHANNEL}-${userId}`,
    cardId: 'd3',
  });
  if (started.kind !== 'started') throw new Error(started.kind);
  return started.quiz;
}

/**
 * A `/hint` from another process on the same database: its own per-user queue, so it may land between
 * this process's read and write (in one process, a user's writes wait for each other).
 */
const hint = async (userId: string, quiz: QuizRecord) =>
  expect(
    await nextHint(
      { ...ctx, perUser: createSerialQueue() },
      {
        userId,
        displayName: userId.toUpperCase(),
        guildId: GUILD,
        channelId: quiz.channelId,
        quizId: quiz.id,
      },
    ),
  ).toMatchObject({ kind: 'hint' });

/**
 * The application whose store takes a hint for the user right after `answerContext` has read their
 * progress (what a concurrent `/hint` would do), and notes what each `recordAnswer` returned.
 */
function hintAfterRead(userId: string, quiz: QuizRecord) {
  const outcomes: string[] = [];
  const racing: AppContext = {
    ...ctx,
    store: {
      ...ctx.store,
      answers: {
        ...ctx.store.answers,
        context: async (query) => {
          const context = await ctx.store.answers.context(query);
          // Only the first read races: the retry reads the hint and records.
          if (outcomes.length === 0) await hint(userId, quiz);
          return context;
        },
        recordAnswer: async (answer) => {
          const result = await ctx.store.answers.recordAnswer(answer);
          outcomes.push(result.kind);
          return result;
        },
      },
    },
  };
  return { racing, outcomes };
}

const answer = (app: AppContext, userId: string, quiz: QuizRecord, externalId: string, input: string) =>
  submitAnswer(app, {
    externalId,
    user: userRef(userId),
    guildId: GUILD,
    channelId: quiz.channelId,
    quizId: quiz.id,
    input,
  });

/** The progress rows that depend on what happened, not on who or when they were written. */
const comparable = ({ userId: _userId, ...rest }: ProgressRecord) => rest;

async function ledger(userId: string) {
  const [entries, totals, periods, attempts] = await Promise.all([
    db.prisma.pointsEntry.findMany({ where: { userId }, select: { points: true } }),
    db.prisma.scoreTotal.findMany({
      where: { userId },
      select: { channelId: true, points: true },
      orderBy: { channelId: 'asc' },
    }),
    db.prisma.periodScore.findMany({
      where: { userId },
      select: { channelId: true, period: true, points: true },
      orderBy: [{ channelId: 'asc' }, { period: 'asc' }],
    }),
    db.prisma.attempt.findMany({
      where: { userId },
      select: { externalId: true, verdict: true, points: true },
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  return { entries, totals, periods, attempts };
}

const booked = (userId: string, points: number) => ({
  entries: [{ points }],
  totals: [
    { channelId: '', points },
    { channelId: `${CHANNEL}-${userId}`, points },
  ],
  periods: [
    { channelId: '', period: 'month', points },
    { channelId: '', period: 'week', points },
    { channelId: `${CHANNEL}-${userId}`, period: 'month', points },
    { channelId: `${CHANNEL}-${userId}`, period: 'week', points },
  ],
});

describe('submitAnswer when the progress changed after it was read', () => {
  it('GIVEN a hint taken between the read and the write of a solve THEN it is recorded once, its points lowered by the hint', async () => {
    const quiz = await quizFor('racer');
    expect(await answer(ctx, 'racer', quiz, 'racer:1', 'wrong')).toMatchObject({ kind: 'graded', points: 0 });
    const before = await db.prisma.progress.findFirstOrThrow({ where: { userId: 'racer' } });

    const { racing, outcomes } = hintAfterRead('racer', quiz);
    const solved = await answer(racing, 'racer', quiz, 'racer:2', 'right');

    // The first write met the hint's version and wrote nothing; the retry read again and recorded.
    expect(outcomes).toEqual(['stale', 'recorded']);
    // 10 × difficulty 3 × (1 − 0.2 for the wrong answer − 0.1 for the hint) = 21, not the 24 read before.
    expect(solved).toMatchObject({ kind: 'graded', points: 21, firstSolve: true, nextPart: null });
    expect(await ledger('racer')).toEqual({
      ...booked('racer', 21),
      attempts: [
        { externalId: 'racer:1', verdict: 'incorrect', points: 0 },
        { externalId: 'racer:2', verdict: 'correct', points: 21 },
      ],
    });
    const after = await db.prisma.progress.findFirstOrThrow({ where: { userId: 'racer' } });
    // The wrong answer wrote version 0, the hint 1, the retry's write 2.
    expect([before.version, after.version]).toEqual([0, 2]);
    expect(after).toMatchObject({ attempts: 2, hintsUsed: 1, roundHints: 0, roundWrong: 0, gaveUp: false });

    // The same events one after the other give the same progress.
    const control = await quizFor('control');
    await answer(ctx, 'control', control, 'control:1', 'wrong');
    await hint('control', control);
    expect(await answer(ctx, 'control', control, 'control:2', 'right')).toMatchObject({ points: 21 });
    const [raced] = await ctx.store.history.progress('racer');
    const [sequential] = await ctx.store.history.progress('control');
    expect(comparable(raced!)).toEqual(comparable(sequential!));

    // A redelivery of the answer is still counted once.
    expect(await answer(ctx, 'racer', quiz, 'racer:2', 'right')).toMatchObject({ kind: 'duplicate' });
    expect((await ledger('racer')).entries).toEqual([{ points: 21 }]);
  });

  it('GIVEN a first answer with no progress yet and a hint before its write THEN the new progress row is kept and the points count the hint', async () => {
    const quiz = await quizFor('fresh');
    const { racing, outcomes } = hintAfterRead('fresh', quiz);
    const solved = await answer(racing, 'fresh', quiz, 'fresh:1', 'right');

    // The read found no progress (expected version null); the hint created the row.
    expect(outcomes).toEqual(['stale', 'recorded']);
    // 10 × 3 × (1 − 0.1) = 27, not 30.
    expect(solved).toMatchObject({ kind: 'graded', points: 27, firstSolve: true });
    expect(await ledger('fresh')).toEqual({
      ...booked('fresh', 27),
      attempts: [{ externalId: 'fresh:1', verdict: 'correct', points: 27 }],
    });
    const rows = await db.prisma.progress.findMany({ where: { userId: 'fresh' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ attempts: 1, hintsUsed: 1, roundHints: 0, version: 1 });
    expect(rows[0]!.solvedAt).not.toBeNull();
  });

  it('GIVEN a wrong answer racing a hint THEN both the hint and the wrong answer stay counted', async () => {
    const quiz = await quizFor('wrongrace');
    const { racing, outcomes } = hintAfterRead('wrongrace', quiz);
    expect(await answer(racing, 'wrongrace', quiz, 'wrongrace:1', 'wrong')).toMatchObject({
      kind: 'graded',
      points: 0,
    });
    expect(outcomes).toEqual(['stale', 'recorded']);
    const progress = await db.prisma.progress.findFirstOrThrow({ where: { userId: 'wrongrace' } });
    // Written from the read snapshot, the answer would have erased the hint (hintsUsed 0).
    expect(progress).toMatchObject({ attempts: 1, roundWrong: 1, hintsUsed: 1, roundHints: 1 });
    // And the next solve pays for both: 10 × 3 × (1 − 0.2 − 0.1) = 21.
    expect(await answer(ctx, 'wrongrace', quiz, 'wrongrace:2', 'right')).toMatchObject({ points: 21 });
  });
});
