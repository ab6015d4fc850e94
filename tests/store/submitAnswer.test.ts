import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../../src/adapters/store/index.ts';
import { startQuiz, submitAnswer, type AppContext } from '../../src/app/index.ts';
import { fakeCard } from '../support/fakeCards.ts';
import { startDatabaseTestApp, type DatabaseTestApp } from '../support/testApp.ts';

const cards = [fakeCard('c1', { parts: ['1', '2'], difficulty: 3 }), fakeCard('c2', { difficulty: 1 })];
const user = (n: number) => ({ id: `u${n}`, displayName: `User ${n}` });

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

async function quizFor(cardId: string, channelId: string) {
  const started = await startQuiz(ctx, { user: user(0), guildId: 'g1', channelId, cardId });
  if (started.kind !== 'started') throw new Error(started.kind);
  return started.quiz;
}

describe('submitAnswer', () => {
  it('GIVEN wrong then right answers THEN the first solve earns points reduced by the wrong one, practice none', async () => {
    const quiz = await quizFor('c1', 'ch-score');
    const at = (id: string, input: string) =>
      submitAnswer(ctx, {
        externalId: `score:${id}`,
        user: user(1),
        guildId: 'g1',
        channelId: 'ch-score',
        quizId: quiz.id,
        input,
      });
    const invalid = await at('a', '??');
    const wrong = await at('b', 'wrong');
    const right = await at('c', 'right');
    expect(invalid).toMatchObject({ kind: 'graded', points: 0, attempt: { verdict: 'invalid', part: '1' } });
    expect(wrong).toMatchObject({
      kind: 'graded',
      points: 0,
      attempt: { verdict: 'incorrect', mistake: 'sign' },
    });
    // 10 × difficulty 3 × (1 − 0.2 for one incorrect answer; the invalid one costs nothing)
    expect(right).toMatchObject({ kind: 'graded', points: 24, firstSolve: true, nextPart: '2' });
    const part2 = await at('d', 'right');
    expect(part2).toMatchObject({ kind: 'graded', points: 30, attempt: { part: '2' }, nextPart: null });
    expect(await at('e', 'right')).toMatchObject({ kind: 'quiz_finished' });

    const again = await quizFor('c1', 'ch-score');
    const practice = await submitAnswer(ctx, {
      externalId: 'score:f',
      user: user(1),
      guildId: 'g1',
      channelId: 'ch-score',
      quizId: again.id,
      input: 'right',
    });
    expect(practice).toMatchObject({ kind: 'graded', points: 0, firstSolve: false, attempt: { part: '1' } });
  });

  it('GIVEN 160 answers at once from several users, some the same user THEN none is lost or doubled and points add up', async () => {
    const quiz = await quizFor('c2', 'ch-load');
    const inputs = ['wrong', 'right', '??', 'long'];
    const submissions = Array.from({ length: 160 }, (_, i) => ({
      externalId: `load:${i}`,
      // Users 0–4 send many answers each; the same user concurrently with themself.
      user: user(10 + (i % 5)),
      guildId: 'g1',
      channelId: 'ch-load',
      quizId: quiz.id,
      part: '1',
      input: inputs[i % 4]!,
    }));
    const results = await Promise.all(submissions.map((input) => submitAnswer(ctx, input)));
    expect(results.every((result) => result.kind === 'graded')).toBe(true);

    const attempts = await db.prisma.attempt.findMany({ where: { externalId: { startsWith: 'load:' } } });
    expect(attempts).toHaveLength(160);
    for (let n = 10; n < 15; n++) {
      const mine = attempts.filter((attempt) => attempt.userId === `u${n}`);
      const earned = mine.reduce((sum, attempt) => sum + attempt.points, 0);
      // Exactly one first solve per user, however the answers interleaved.
      expect(mine.filter((attempt) => attempt.points > 0)).toHaveLength(1);
      const ledger = await db.prisma.pointsEntry.aggregate({
        _sum: { points: true },
        where: { userId: `u${n}`, channelId: 'ch-load' },
      });
      const total = await db.prisma.scoreTotal.findUnique({
        where: { guildId_channelId_userId: { guildId: 'g1', channelId: 'ch-load', userId: `u${n}` } },
      });
      expect(ledger._sum.points).toBe(earned);
      expect(total?.points).toBe(earned);
      const progress = await db.prisma.progress.findUniqueOrThrow({
        where: { userId_cardId_part: { userId: `u${n}`, cardId: 'c2', part: '1' } },
      });
      expect(progress.attempts).toBe(
        mine.filter((attempt) => ['correct', 'incorrect'].includes(attempt.verdict)).length,
      );
    }
  });

  it('GIVEN the same externalId twice at once THEN one row, and the second call reports the first', async () => {
    const quiz = await quizFor('c2', 'ch-dup');
    const input = {
      externalId: 'discord:message:42',
      user: user(20),
      guildId: 'g1',
      channelId: 'ch-dup',
      quizId: quiz.id,
      input: 'right',
    };
    const [a, b] = await Promise.all([submitAnswer(ctx, input), submitAnswer(ctx, input)]);
    expect([a.kind, b.kind].sort()).toEqual(['duplicate', 'graded']);
    expect(await db.prisma.attempt.count({ where: { externalId: 'discord:message:42' } })).toBe(1);
    expect(await submitAnswer(ctx, input)).toMatchObject({
      kind: 'duplicate',
      attempt: { verdict: 'correct', points: 10 },
    });
    expect(await db.prisma.pointsEntry.count({ where: { userId: 'u20' } })).toBe(1);
  });

  it('GIVEN 200 answers at once from one user to one part THEN each is graded in turn: none gives up, none is lost', async () => {
    // Without the app's per-user queue this gave up on PGlite ("the progress kept changing"): it answers
    // in arrival order, so a retried read kept landing behind another of the user's writes.
    const quiz = await quizFor('c2', 'ch-one-user');
    const send = (i: number) =>
      submitAnswer(ctx, {
        externalId: `one-user:${i}`,
        user: user(40),
        guildId: 'g1',
        channelId: 'ch-one-user',
        quizId: quiz.id,
        input: 'wrong',
      });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => send(i)));
    expect(results.every((result) => result.kind === 'graded')).toBe(true);
    expect(await db.prisma.attempt.count({ where: { userId: 'u40' } })).toBe(200);
  });

  it('GIVEN more graded answers than the limit in a minute THEN the rest get "slow down" and write nothing', async () => {
    const limited: AppContext = { ...ctx, answersPerMinute: 6 };
    const quiz = await quizFor('c2', 'ch-rate');
    const send = (i: number) =>
      submitAnswer(limited, {
        externalId: `rate:${i}`,
        user: user(30),
        guildId: 'g1',
        channelId: 'ch-rate',
        quizId: quiz.id,
        input: 'wrong',
      });
    const results = await Promise.all(Array.from({ length: 9 }, (_, i) => send(i)));
    expect(results.filter((result) => result.kind === 'graded')).toHaveLength(6);
    expect(results.filter((result) => result.kind === 'slow_down')).toHaveLength(3);
    expect(await db.prisma.attempt.count({ where: { userId: 'u30' } })).toBe(6);
  });

  it('GIVEN the limit reached THEN the next answer is refused without being graded', async () => {
    const graded: string[] = [];
    const spied: AppContext = {
      ...ctx,
      answersPerMinute: 6,
      grade: (card, part, input, rng) => {
        graded.push(input);
        return ctx.grade(card, part, input, rng);
      },
    };
    const quiz = await quizFor('c2', 'ch-rate-first');
    const send = (i: number) =>
      submitAnswer(spied, {
        externalId: `rate-first:${i}`,
        user: user(31),
        guildId: 'g1',
        channelId: 'ch-rate-first',
        quizId: quiz.id,
        input: 'wrong',
      });
    for (let i = 0; i < 6; i++) expect(await send(i)).toMatchObject({ kind: 'graded' });
    expect(await send(6)).toEqual({ kind: 'slow_down', limit: 6 });
    // The seventh answer cost a read, not a grading: a flood cannot make the bot grade.
    expect(graded).toHaveLength(6);
    expect(await db.prisma.attempt.count({ where: { userId: 'u31' } })).toBe(6);
  });

  it('GIVEN no quiz id THEN an answer goes to the latest open quiz of the channel; none there is "no_quiz"', async () => {
    const quiz = await quizFor('c2', 'ch-latest');
    const result = await submitAnswer(ctx, {
      externalId: 'latest:1',
      user: user(40),
      guildId: 'g1',
      channelId: 'ch-latest',
      input: 'wrong',
    });
    expect(result).toMatchObject({ kind: 'graded', quiz: { id: quiz.id } });
    expect(
      await submitAnswer(ctx, {
        externalId: 'latest:2',
        user: user(40),
        guildId: 'g1',
        channelId: 'ch-empty',
        input: 'x',
      }),
    ).toEqual({
      kind: 'no_quiz',
    });
  });
});

describe('GIVEN a quiz named by id, as a button or modal names it', () => {
  it('THEN an answer counts only in its server and channel, and only while it is open', async () => {
    const quiz = await quizFor('c2', 'ch-named');
    const send = (key: string, where: { guildId: string; channelId: string }) =>
      submitAnswer(ctx, {
        ...where,
        externalId: `named:${key}`,
        user: user(7),
        quizId: quiz.id,
        input: 'right',
      });
    expect(await send('other-guild', { guildId: 'g-forged', channelId: 'ch-named' })).toEqual({
      kind: 'no_quiz',
    });
    expect(await send('other-channel', { guildId: 'g1', channelId: 'ch-elsewhere' })).toEqual({
      kind: 'no_quiz',
    });
    await ctx.store.quizzes.close(quiz.id);
    expect(await send('closed', { guildId: 'g1', channelId: 'ch-named' })).toEqual({ kind: 'no_quiz' });
    expect(await db.prisma.attempt.count({ where: { externalId: { startsWith: 'named:' } } })).toBe(0);
  });
});
