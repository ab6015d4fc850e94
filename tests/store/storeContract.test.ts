import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase, prismaStore } from '../../src/adapters/store/index.ts';
import { memoryStore } from '../../src/adapters/store/memory/memoryStore.ts';
import { emptyProgress } from '../../src/app/partProgress.ts';
import { newAttempt } from '../../src/app/newAttempt.ts';
import type {
  LeaderboardQuery,
  NewAttempt,
  ProgressRecord,
  QuizRecord,
  Store,
  StoreDeps,
} from '../../src/app/index.ts';
import { localDate, periodRange } from '../../src/core/scoring/index.ts';
import { createTestDatabase } from '../support/testDatabase.ts';
import { fixedClock } from '../support/testApp.ts';

// One contract for every implementation of the store's ports: the in-memory double the application
// tests run on, and the database of this pass (PGlite, or PostgreSQL when DATABASE_URL is set). What one
// does, the other must do, so that an application test on memory says something about the database.

const NOW = new Date('2026-03-04T12:00:00Z'); // a Wednesday
const MINUTE = 60_000;

interface Opened {
  readonly store: Store;
  close(): Promise<void>;
}

const backends: { name: string; open: (deps: StoreDeps) => Promise<Opened> }[] = [
  { name: 'memory', open: async (deps) => ({ store: memoryStore(deps), close: async () => {} }) },
  {
    name: process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite',
    open: async (deps) => {
      const test = await createTestDatabase();
      const db = await openDatabase(test.config);
      return {
        store: prismaStore(db, deps),
        close: async () => {
          await db.close();
          await test.drop();
        },
      };
    },
  },
];

describe.each(backends)('the store on $name', ({ open }) => {
  let opened: Opened;
  let store: Store;
  let next = 0;
  const clock = fixedClock(NOW);

  beforeAll(async () => {
    opened = await open({ clock, ids: () => `id-${++next}` });
    store = opened.store;
    for (const id of ['c1', 'c2']) {
      await store.cards.save({
        id,
        file: `${id}.md`,
        contentHash: 'h',
        title: id,
        course: 'ML',
        tags: [],
        difficulty: 2,
        retiredAt: null,
      });
    }
  });
  afterAll(async () => {
    await opened?.close();
  });

  const quizIn = async (guildId: string, channelId: string, extra: Partial<QuizRecord> = {}) =>
    store.quizzes.create({
      guildId,
      channelId,
      threadId: null,
      messageId: null,
      cardId: 'c1',
      openedBy: null,
      createdAt: NOW,
      ...extra,
    });

  const attempt = (
    quiz: QuizRecord,
    userId: string,
    externalId: string,
    extra: Partial<NewAttempt> = {},
  ): NewAttempt => ({
    ...newAttempt(quiz, { externalId, verdict: 'correct', input: 'x', part: '1', userId, createdAt: NOW }),
    ...extra,
  });

  const momentIn = (quiz: QuizRecord, at = NOW) => ({ guildId: quiz.guildId, channelId: quiz.channelId, at });

  const progress = (userId: string, extra: Partial<ProgressRecord> = {}): ProgressRecord => ({
    ...emptyProgress(userId, 'c1', '1'),
    ...extra,
  });

  const noLimit = { limit: 1000, since: new Date(NOW.getTime() - MINUTE) };

  const versionOf = async (quiz: QuizRecord, userId: string) =>
    (
      await store.answers.context({
        userId,
        location: { guildId: quiz.guildId, channelId: quiz.channelId, quizId: quiz.id },
        answering: false,
      })
    ).progress.get('1')?.version ?? null;

  describe('GIVEN a command somewhere THEN the context finds its quiz', () => {
    it('the one named, in its own channel; for an answer only while open', async () => {
      const named = await quizIn('g-ctx', 'ch1');
      const where = { guildId: 'g-ctx', channelId: 'ch1', quizId: named.id };
      const read = (answering: boolean, location = where) =>
        store.answers.context({ userId: 'u', location, answering }).then((context) => context.quiz?.id);
      expect(await read(true)).toBe(named.id);
      expect(await read(true, { ...where, channelId: 'elsewhere' })).toBeUndefined();
      await store.quizzes.close(named.id);
      expect(await read(true)).toBeUndefined();
      expect(await read(false)).toBe(named.id);
    });

    it("the thread's, open or not; else the channel's latest open one", async () => {
      const older = await quizIn('g-ctx', 'ch2', { createdAt: new Date(NOW.getTime() - MINUTE) });
      const newer = await quizIn('g-ctx', 'ch2');
      await store.quizzes.setPost(older.id, { threadId: 't-older', messageId: 'm' });
      await store.quizzes.close(older.id);
      const at = (threadId?: string) =>
        store.answers
          .context({
            userId: 'u',
            location: { guildId: 'g-ctx', channelId: 'ch2', ...(threadId ? { threadId } : {}) },
            answering: true,
          })
          .then((context) => context.quiz?.id);
      expect(await at('t-older')).toBe(older.id);
      expect(await at('t-unknown')).toBe(newer.id);
      expect(await at()).toBe(newer.id);
    });
  });

  describe('GIVEN writes of one user THEN each is atomic and checked', () => {
    it('an answer is recorded once per externalId; a redelivery gets the first one back', async () => {
      const quiz = await quizIn('g-w', 'ch');
      const first = await store.answers.recordAnswer({
        user: { id: 'dup', displayName: 'Dup' },
        attempt: attempt(quiz, 'dup', 'dup:1'),
        progress: { progress: progress('dup', { attempts: 1 }), expectedVersion: null },
        rateLimit: noLimit,
      });
      expect(first).toMatchObject({ kind: 'recorded', attempt: { externalId: 'dup:1' } });
      const again = await store.answers.recordAnswer({
        user: { id: 'dup', displayName: 'Dup' },
        attempt: attempt(quiz, 'dup', 'dup:1', { input: 'other' }),
        progress: { progress: progress('dup', { attempts: 2 }), expectedVersion: 0 },
        rateLimit: noLimit,
      });
      expect(again).toEqual({ kind: 'duplicate', attempt: first.kind === 'recorded' && first.attempt });
      expect(await versionOf(quiz, 'dup')).toBe(0);
      const read = await store.answers.context({
        userId: 'dup',
        location: { guildId: 'g-w', channelId: 'ch', quizId: quiz.id },
        answering: true,
        externalId: 'dup:1',
      });
      expect(read.duplicate).toMatchObject({ externalId: 'dup:1', input: 'x' });
      expect(read.solvedInQuiz).toEqual(new Set(['1']));
    });

    it('a progress moved since it was read is stale and nothing is written; each write moves the version', async () => {
      const quiz = await quizIn('g-w', 'ch');
      const user = { id: 'st', displayName: 'St' };
      const hint = (expectedVersion: number | null, hintsUsed: number) =>
        store.answers.takeHint({
          user,
          progress: { progress: progress('st', { hintsUsed }), expectedVersion },
          moment: momentIn(quiz),
        });
      expect(await hint(null, 1)).toBe('recorded');
      expect(await hint(null, 2)).toBe('stale');
      expect(await hint(0, 2)).toBe('recorded');
      expect(await versionOf(quiz, 'st')).toBe(1);
      const solve = (expectedVersion: number | null) =>
        store.answers.recordAnswer({
          user,
          attempt: attempt(quiz, 'st', `st:${String(expectedVersion)}`, { points: 16 }),
          progress: { progress: progress('st', { solvedAt: NOW }), expectedVersion },
          rateLimit: noLimit,
        });
      expect(await solve(0)).toEqual({ kind: 'stale' });
      expect(await store.history.countAnswers('st')).toBe(0);
      expect((await page({ guildId: 'g-w', userId: 'st' })).me).toBeUndefined();
      expect(await solve(1)).toMatchObject({ kind: 'recorded' });
      expect(await versionOf(quiz, 'st')).toBe(2);
      expect((await page({ guildId: 'g-w', userId: 'st' })).me).toMatchObject({ points: 16 });
    });

    it('giving up writes every part or none', async () => {
      const quiz = await quizIn('g-w', 'ch', { cardId: 'c2' });
      const user = { id: 'gu', displayName: 'Gu' };
      const part = (label: string, expectedVersion: number | null) => ({
        progress: { ...emptyProgress('gu', 'c2', label), gaveUp: true },
        expectedVersion,
      });
      expect(await store.answers.takeHint({ user, progress: part('b', null), moment: momentIn(quiz) })).toBe(
        'recorded',
      );
      expect(
        await store.answers.giveUp({
          user,
          parts: [part('a', null), part('b', null)],
          moment: momentIn(quiz),
        }),
      ).toBe('stale');
      const read = () =>
        store.answers.context({
          userId: 'gu',
          location: { guildId: 'g-w', channelId: 'ch', quizId: quiz.id },
          answering: false,
        });
      expect([...(await read()).progress.keys()]).toEqual(['b']);
      expect(
        await store.answers.giveUp({ user, parts: [part('a', null), part('b', 0)], moment: momentIn(quiz) }),
      ).toBe('recorded');
      expect([...(await read()).progress.values()].map((p) => [p.record.part, p.version]).sort()).toEqual([
        ['a', 0],
        ['b', 1],
      ]);
    });

    it('answers and steps count against the limit; ratings neither count nor are refused', async () => {
      const quiz = await quizIn('g-w', 'ch');
      const user = { id: 'rl', displayName: 'Rl' };
      const limit = { limit: 2, since: new Date(NOW.getTime() - MINUTE) };
      const rate = (n: number) =>
        store.answers.recordRating({
          user,
          attempt: attempt(quiz, 'rl', `rl:rate:${n}`, { verdict: 'self_rated', rating: 3 }),
          progress: { progress: progress('rl', { attempts: n }), expectedVersion: n === 1 ? null : n - 2 },
        });
      expect(await rate(1)).toMatchObject({ kind: 'recorded' });
      expect(await rate(2)).toMatchObject({ kind: 'recorded' });
      const step = (n: number) =>
        store.answers.recordStep({
          user,
          attempt: attempt(quiz, 'rl', `rl:step:${n}`, { part: '1:dl/dy', isStep: true }),
          rateLimit: limit,
        });
      expect(await step(1)).toMatchObject({ kind: 'recorded' });
      expect(await step(2)).toMatchObject({ kind: 'recorded' });
      expect(await step(3)).toEqual({ kind: 'slow_down' });
      const read = await store.answers.context({
        userId: 'rl',
        location: { guildId: 'g-w', channelId: 'ch', quizId: quiz.id },
        answering: false,
        attemptsSince: limit.since,
      });
      expect(read.recentAttempts).toBe(2);
      expect(await rate(3)).toMatchObject({ kind: 'recorded' });
      expect(await store.history.countAnswers('rl')).toBe(0);
    });
  });

  const page = (query: Partial<LeaderboardQuery> & { guildId: string; userId: string }) =>
    store.leaderboards.page({ period: { kind: 'all' }, limit: 10, ...query });

  describe('GIVEN points in a server THEN the leaderboards rank them', () => {
    const week = periodRange('week', NOW, 'UTC');
    const thisWeek = {
      kind: 'week' as const,
      start: week.start!,
      end: week.end!,
      firstDay: localDate(week.start!, 'UTC'),
    };

    beforeAll(async () => {
      const here = await quizIn('g-lb', 'ch1');
      const there = await quizIn('g-lb', 'ch2');
      const score = async (quiz: QuizRecord, userId: string, points: number, createdAt = NOW) => {
        const result = await store.answers.recordAnswer({
          user: { id: userId, displayName: userId.toUpperCase() },
          attempt: attempt(quiz, userId, `lb:${userId}:${quiz.channelId}:${createdAt.getTime()}`, {
            points,
            createdAt,
          }),
          progress: { progress: progress(userId), expectedVersion: await versionOf(quiz, userId) },
          rateLimit: noLimit,
        });
        expect(result.kind).toBe('recorded');
      };
      await score(here, 'a', 30);
      await score(there, 'b', 20);
      await score(here, 'b', 10);
      await score(here, 'c', 20);
      // Last month: all time only.
      await score(here, 'd', 50, new Date('2026-02-10T12:00:00Z'));
    });

    it('all time, week and channel, with competition ranks and the caller', async () => {
      const rows = (result: Awaited<ReturnType<typeof page>>) =>
        result.top.map((row) => `${row.rank}:${row.userId}:${row.points}`);
      expect(rows(await page({ guildId: 'g-lb', userId: 'c' }))).toEqual([
        '1:d:50',
        '2:a:30',
        '2:b:30',
        '4:c:20',
      ]);
      const weekly = await page({ guildId: 'g-lb', userId: 'c', period: thisWeek });
      expect(rows(weekly)).toEqual(['1:a:30', '1:b:30', '3:c:20']);
      expect(weekly.me).toEqual({ rank: 3, userId: 'c', displayName: 'C', points: 20 });
      expect(rows(await page({ guildId: 'g-lb', channelId: 'ch1', userId: 'x' }))).toEqual([
        '1:d:50',
        '2:a:30',
        '3:c:20',
        '4:b:10',
      ]);
      expect((await page({ guildId: 'g-lb', userId: 'x', limit: 1 })).top).toHaveLength(1);
    });

    it('without the users who left them; a reset or a deletion takes their points away', async () => {
      await store.members.setLeaderboardOptOut('a', true);
      expect(await page({ guildId: 'g-lb', userId: 'a' })).toMatchObject({ top: [{ userId: 'd' }, {}, {}] });
      expect((await page({ guildId: 'g-lb', userId: 'a' })).me).toBeUndefined();
      await store.members.setLeaderboardOptOut('a', false);
      expect(await store.members.reset('b', 'g-lb')).toEqual({ attempts: 2 });
      expect(await store.members.find('b')).toMatchObject({ displayName: 'B', leaderboardOptOut: false });
      expect(await store.members.delete('c')).toEqual({ attempts: 1 });
      expect(await store.members.find('c')).toBeNull();
      const left = await page({ guildId: 'g-lb', userId: 'x', period: thisWeek });
      expect(left.top.map((row) => row.userId)).toEqual(['a']);
    });
  });

  describe('GIVEN answers, hints, give-ups and ratings in a server THEN analytics counts them', () => {
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);
    const scope = { guildId: 'g-an' };
    let quiz: QuizRecord;

    beforeAll(async () => {
      quiz = await quizIn('g-an', 'ch');
      const elsewhere = await quizIn('g-an2', 'ch');
      const flashcard = await quizIn('g-an', 'ch', { cardId: 'c2' });
      let n = 0;
      const answer = (q: QuizRecord, userId: string, minute: number, extra: Partial<NewAttempt>) =>
        store.answers.recordStep({
          user: { id: userId, displayName: `Name ${userId}` },
          attempt: attempt(q, userId, `an:${++n}`, { createdAt: at(minute), ...extra }),
          rateLimit: noLimit,
        });
      const wrong = (signature: string, input: string, mistake: string | null = null) => ({
        verdict: 'incorrect' as const,
        signature,
        input,
        mistake,
      });
      await answer(quiz, 'p', 0, wrong('s1', 'a', 'sign'));
      await answer(quiz, 'p', 1, wrong('s1', 'a'));
      await answer(quiz, 'p', 2, { points: 8, solveTries: 3 });
      await answer(quiz, 'p', 3, { isStep: true, part: '1:dl/dy', verdict: 'incorrect', signature: 's1' });
      await answer(quiz, 'q', 0, wrong('s1', 'b'));
      await answer(quiz, 'q', 1, { points: 10, solveTries: 2 });
      await answer(quiz, 'r', 0, wrong('s2', 'c'));
      await answer(quiz, 'r', 1, { verdict: 'invalid', feedback: 'bad' });
      await answer(quiz, 'r', 2, { verdict: 'invalid', feedback: 'bad' });
      await answer(quiz, 'r', 3, { verdict: 'not_simplified' });
      await answer(elsewhere, 'p', 0, {});
      await answer(flashcard, 'r', 4, { verdict: 'self_rated', rating: 3, part: '1' });
      const user = (id: string) => ({ id, displayName: `Name ${id}` });
      await store.answers.takeHint({
        user: user('p'),
        progress: { progress: progress('p'), expectedVersion: null },
        moment: momentIn(quiz, at(0)),
      });
      await store.answers.giveUp({
        user: user('q'),
        parts: [{ progress: progress('q'), expectedVersion: null }],
        moment: momentIn(quiz, at(0)),
      });
    });

    it('per part: attempts, users, solvers, the median tries to a solve, the rest apart', async () => {
      expect(await store.analytics.parts(scope)).toEqual([
        {
          cardId: 'c1',
          part: '1',
          attempts: 6,
          users: 3,
          solvedUsers: 2,
          medianAttemptsToSolve: 2.5,
          notSimplified: 1,
          invalid: 2,
        },
      ]);
      expect(await store.analytics.parts({ ...scope, since: at(1) })).toMatchObject([
        { attempts: 3, users: 2, solvedUsers: 2, medianAttemptsToSolve: 2.5 },
      ]);
      expect(await store.analytics.parts({ ...scope, cardId: 'c2' })).toEqual([]);
      // All data: this server's and the other's (and the other tests' answers).
      const [everywhere] = await store.analytics.parts({});
      expect(everywhere?.attempts).toBeGreaterThanOrEqual(7);
    });

    it('wrong answers grouped by signature with their written forms; invalid reasons; events; ratings', async () => {
      expect(await store.analytics.wrongGroups(scope, 5)).toEqual([
        {
          cardId: 'c1',
          part: '1',
          signature: 's1',
          count: 3,
          users: 2,
          mistake: 'sign',
          inputs: [
            { input: 'a', count: 2 },
            { input: 'b', count: 1 },
          ],
        },
        {
          cardId: 'c1',
          part: '1',
          signature: 's2',
          count: 1,
          users: 1,
          mistake: null,
          inputs: [{ input: 'c', count: 1 }],
        },
      ]);
      expect(await store.analytics.wrongGroups(scope, 1)).toMatchObject([{ signature: 's1' }]);
      expect(await store.analytics.invalidReasons(scope, 5)).toEqual([
        { cardId: 'c1', part: '1', reason: 'bad', count: 2 },
      ]);
      expect(await store.analytics.events(scope)).toEqual([
        { cardId: 'c1', part: '1', hints: 1, giveUps: 1 },
      ]);
      expect(await store.analytics.events({ guildId: 'g-an2' })).toEqual([]);
      expect(await store.analytics.ratings(scope)).toEqual([{ cardId: 'c2', rating: 3, count: 1 }]);
    });

    it('attempts page by page in time order with names; grades per user', async () => {
      const first = await store.analytics.attemptPage(scope, null, 4);
      expect(first.map((row) => (row.createdAt.getTime() - NOW.getTime()) / MINUTE)).toEqual([0, 0, 0, 1]);
      const rest = await store.analytics.attemptPage(scope, first.at(-1)!, 100);
      const all = [...first, ...rest];
      expect(all).toHaveLength(11);
      expect(new Set(all.map((row) => row.id)).size).toBe(11);
      expect(all.map((row) => row.createdAt.getTime())).toEqual(
        [...all.map((row) => row.createdAt.getTime())].sort((a, b) => a - b),
      );
      expect(all[0]).toMatchObject({ guildId: 'g-an', channelId: 'ch', cardId: 'c1', part: '1' });
      expect(await store.analytics.names(['p', 'q', 'nobody'])).toEqual(
        new Map([
          ['p', 'Name p'],
          ['q', 'Name q'],
        ]),
      );
      expect(await store.analytics.gradePage(scope, null, 10)).toEqual([
        { userId: 'p', displayName: 'Name p', partsSolved: 1, points: 8, attempts: 3, lastActivity: at(3) },
        { userId: 'q', displayName: 'Name q', partsSolved: 1, points: 10, attempts: 2, lastActivity: at(1) },
        { userId: 'r', displayName: 'Name r', partsSolved: 0, points: 0, attempts: 1, lastActivity: at(4) },
      ]);
      expect(await store.analytics.gradePage(scope, 'p', 1)).toMatchObject([{ userId: 'q' }]);
      expect(await store.analytics.guilds()).toEqual(expect.arrayContaining(['g-an', 'g-an2']));
    });

    it('unsigned answers are signed once; a deleted user leaves every count', async () => {
      const unsigned = await store.analytics.unsigned(null, 100);
      const mine = unsigned.filter((row) => row.input === 'x' && row.cardId === 'c1');
      expect(mine.length).toBeGreaterThanOrEqual(3);
      expect(unsigned.every((row) => row.input !== 'a')).toBe(true);
      const target = mine[0]!;
      expect(await store.analytics.sign([{ id: target.id, signature: 's9' }])).toBe(1);
      expect(await store.analytics.sign([{ id: target.id, signature: 's8' }])).toBe(0);
      expect((await store.analytics.unsigned(null, 100)).map((row) => row.id)).not.toContain(target.id);

      await store.members.delete('q');
      expect(await store.analytics.parts(scope)).toMatchObject([{ attempts: 4, users: 2, solvedUsers: 1 }]);
      expect(await store.analytics.events(scope)).toEqual([
        { cardId: 'c1', part: '1', hints: 1, giveUps: 0 },
      ]);
      expect(await store.analytics.wrongGroups(scope, 5)).toMatchObject([
        { signature: 's1', count: 2, users: 1 },
        {},
      ]);
      // A member reset in this server takes their hints and give-ups here with their answers.
      await store.members.reset('p', 'g-an');
      expect(await store.analytics.events(scope)).toEqual([]);
      expect(await store.analytics.parts(scope)).toMatchObject([{ attempts: 1, users: 1, solvedUsers: 0 }]);
    });
  });

  describe('GIVEN quizzes THEN they are listed, found by thread and closed when idle', () => {
    it('open ones newest first, filtered; idle ones closed oldest first', async () => {
      const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);
      const old = await quizIn('g-q', 'ch', { createdAt: at(-300), openedBy: null });
      const busy = await quizIn('g-q', 'ch', { createdAt: at(-200) });
      const fresh = await quizIn('g-q', 'ch', { createdAt: at(-10) });
      await store.quizzes.setPost(fresh.id, { threadId: 't-fresh', messageId: 'm-fresh' });
      expect(await store.quizzes.ofThread('t-fresh')).toMatchObject({ id: fresh.id, messageId: 'm-fresh' });
      expect(await store.quizzes.ofThread('t-none')).toBeNull();
      const ids = (quizzes: QuizRecord[]) => quizzes.map((quiz) => quiz.id);
      expect(ids(await store.quizzes.open({ guildId: 'g-q', limit: 10 }))).toEqual([
        fresh.id,
        busy.id,
        old.id,
      ]);
      expect(ids(await store.quizzes.open({ guildId: 'g-q', createdSince: at(-250), limit: 1 }))).toEqual([
        fresh.id,
      ]);
      await store.answers.recordStep({
        user: { id: 'q', displayName: 'Q' },
        attempt: attempt(busy, 'q', 'q:1', { isStep: true, part: '1:s', createdAt: at(-50) }),
        rateLimit: noLimit,
      });
      const closed = await store.quizzes.closeIdle({ idleSince: at(-100), limit: 10 });
      expect(closed).toMatchObject([{ id: old.id, open: false }]);
      expect(ids(await store.quizzes.open({ guildId: 'g-q', limit: 10 }))).toEqual([fresh.id, busy.id]);
    });

    it("a sharded process's guilds only: listed and closed among them, others left alone", async () => {
      const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);
      const mine = await quizIn('g-mine', 'ch', { createdAt: at(-300) });
      const theirs = await quizIn('g-theirs', 'ch', { createdAt: at(-300) });
      const ids = (quizzes: QuizRecord[]) => quizzes.map((quiz) => quiz.id);
      const scope = { guildIds: ['g-mine', 'g-other'] };
      expect(ids(await store.quizzes.open({ ...scope, createdSince: at(-400), limit: 10 }))).toEqual([
        mine.id,
      ]);
      expect(ids(await store.quizzes.open({ ...scope, guildId: 'g-theirs', limit: 10 }))).toEqual([]);
      expect(ids(await store.quizzes.closeIdle({ ...scope, idleSince: at(-100), limit: 10 }))).toEqual([
        mine.id,
      ]);
      expect(ids(await store.quizzes.closeIdle({ guildIds: [], idleSince: at(-100), limit: 10 }))).toEqual(
        [],
      );
      expect(ids(await store.quizzes.open({ guildId: 'g-theirs', limit: 10 }))).toEqual([theirs.id]);
    });
  });

  describe('GIVEN daily quizzes THEN the servers that have one are listed and each day is claimed once', () => {
    it('servers with a channel and a time, among the ids given', async () => {
      await store.guilds.update('g-d1', { dailyChannelId: 'ch', dailyTime: '09:00' });
      await store.guilds.update('g-d2', { dailyChannelId: 'ch', dailyTime: '10:00', timeZone: 'Asia/Tokyo' });
      await store.guilds.update('g-d3', { dailyChannelId: 'ch' });
      const ids = (guilds: { id: string }[]) => guilds.map((guild) => guild.id);
      expect(ids(await store.guilds.withDailyQuiz())).toEqual(['g-d1', 'g-d2']);
      expect(await store.guilds.withDailyQuiz(['g-d2', 'g-d3', 'g-none'])).toMatchObject([
        { id: 'g-d2', dailyTime: '10:00', timeZone: 'Asia/Tokyo' },
      ]);
      expect(await store.guilds.withDailyQuiz([])).toEqual([]);
    });

    it('a claim is given once until completed, again when stale, never after completion', async () => {
      const day = { guildId: 'g-d1', date: '2026-05-01' };
      const claim = (nonce: string, staleBefore = new Date(NOW.getTime() - MINUTE)) =>
        store.dailyPosts.claim({ ...day, nonce, staleBefore });
      expect(await claim('n1')).toEqual({ kind: 'claimed', nonce: 'n1' });
      expect(await claim('n2')).toEqual({ kind: 'taken' });
      // Another server, another date: claims of their own.
      expect(
        await store.dailyPosts.claim({ ...day, date: '2026-05-02', nonce: 'n3', staleBefore: NOW }),
      ).toEqual({
        kind: 'claimed',
        nonce: 'n3',
      });
      // Older than the lease: taken again, with the first claim's nonce.
      expect(await claim('n4', new Date(NOW.getTime() + MINUTE))).toEqual({ kind: 'claimed', nonce: 'n1' });
      await store.dailyPosts.complete({ ...day, quizId: null });
      expect(await claim('n5', new Date(NOW.getTime() + 60 * MINUTE))).toEqual({ kind: 'taken' });
    });
  });

  describe('GIVEN a server, a user and cards THEN their records read back', () => {
    it('a server has the defaults until changed', async () => {
      expect(await store.guilds.get('g-s')).toEqual({
        id: 'g-s',
        timeZone: 'UTC',
        hideMode: 'delete',
        allowedChannels: [],
        dailyChannelId: null,
        dailyTime: null,
      });
      await store.guilds.update('g-s', { timeZone: 'Asia/Tokyo', allowedChannels: ['ch'] });
      expect(await store.guilds.get('g-s')).toMatchObject({
        timeZone: 'Asia/Tokyo',
        allowedChannels: ['ch'],
      });
    });

    it('progress by card and part, days with a correct answer, answers that counted', async () => {
      const quiz = await quizIn('g-h', 'ch');
      const user = { id: 'h', displayName: 'H' };
      const days = ['2026-03-01T23:30:00Z', '2026-03-03T10:00:00Z', '2026-03-03T11:00:00Z'];
      for (const [i, day] of days.entries()) {
        await store.answers.recordStep({
          user,
          attempt: attempt(quiz, 'h', `h:${i}`, { createdAt: new Date(day) }),
          rateLimit: noLimit,
        });
      }
      await store.answers.recordStep({
        user,
        attempt: attempt(quiz, 'h', 'h:wrong', { verdict: 'incorrect' }),
        rateLimit: noLimit,
      });
      await store.answers.recordStep({
        user,
        attempt: attempt(quiz, 'h', 'h:invalid', { verdict: 'invalid' }),
        rateLimit: noLimit,
      });
      expect(await store.history.correctAnswerDays('h', 'Asia/Tokyo', 10)).toEqual([
        '2026-03-03',
        '2026-03-02',
      ]);
      expect(await store.history.correctAnswerDays('h', 'UTC', 1)).toEqual(['2026-03-03']);
      expect(await store.history.countAnswers('h')).toBe(4);
      await store.answers.giveUp({
        user,
        parts: [
          { progress: emptyProgress('h', 'c2', '2'), expectedVersion: null },
          { progress: emptyProgress('h', 'c2', '1'), expectedVersion: null },
          { progress: emptyProgress('h', 'c1', '1'), expectedVersion: null },
        ],
        moment: momentIn(quiz),
      });
      expect((await store.history.progress('h')).map((row) => `${row.cardId}/${row.part}`)).toEqual([
        'c1/1',
        'c2/1',
        'c2/2',
      ]);
    });

    it('cards as saved, by id', async () => {
      const [c1] = await store.cards.list();
      await store.cards.save({ ...c1!, retiredAt: NOW });
      expect(await store.cards.list()).toMatchObject([
        { id: 'c1', retiredAt: NOW },
        { id: 'c2', retiredAt: null },
      ]);
    });
  });

  // The database files week and month totals itself, in the zone it reads in the same transaction (a
  // zone change cannot slip between); the core bounds the periods a leaderboard asks for. One rule,
  // two places: these instants, at the edges of weeks, months and daylight-saving changes in zones far
  // apart, must fall in the same period for both.
  describe('GIVEN points at the edges of weeks and months in far time zones THEN the totals agree with the core', () => {
    const zones = [
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'America/New_York',
      'Europe/Prague',
      'Asia/Kolkata',
    ];
    const instants = [
      '2026-03-01T09:59:59Z', // Sunday 1 March in UTC; already Monday 2 March in Kiritimati (UTC+14)
      '2026-03-01T10:00:00Z',
      '2026-03-08T06:59:59Z', // around New York's spring forward (07:00 UTC)
      '2026-03-08T07:00:00Z',
      '2026-03-29T00:59:59Z', // around Prague's spring forward (01:00 UTC)
      '2026-03-29T01:00:00Z',
      '2026-03-31T23:59:59Z', // a month's last second in UTC, the next month already east of it
      '2026-04-01T10:59:59Z', // still 31 March in Pago Pago (UTC−11)
      '2026-04-01T11:00:00Z',
      '2026-11-01T05:59:59Z', // around New York's fall back (06:00 UTC)
      '2026-11-01T06:00:00Z',
      '2026-12-31T18:29:59Z', // the year's last second in Kolkata (UTC+5:30)
      '2026-12-31T18:30:00Z',
    ].map((iso) => new Date(iso));

    it.each(zones)('in %s', async (timeZone) => {
      const guildId = `g-zone-${timeZone}`;
      await store.guilds.update(guildId, { timeZone });
      const quiz = await quizIn(guildId, 'ch');
      const userOf = (i: number) => `z${i}`;
      for (const [i, createdAt] of instants.entries()) {
        const result = await store.answers.recordAnswer({
          user: { id: userOf(i), displayName: userOf(i) },
          attempt: attempt(quiz, userOf(i), `zone:${timeZone}:${i}`, { points: 1, createdAt }),
          progress: { progress: progress(userOf(i)), expectedVersion: await versionOf(quiz, userOf(i)) },
          rateLimit: noLimit,
        });
        expect(result.kind).toBe('recorded');
      }
      const pointsIn = async (kind: 'week' | 'month', at: Date, userId: string) => {
        const range = periodRange(kind, at, timeZone);
        const period = {
          kind,
          start: range.start!,
          end: range.end!,
          firstDay: localDate(range.start!, timeZone),
        };
        const result = await store.leaderboards.page({ guildId, period, limit: 100, userId });
        return result.me?.points ?? 0;
      };
      for (const [i, at] of instants.entries()) {
        for (const kind of ['week', 'month'] as const) {
          // In the period the core puts the instant in, and not in the one before it.
          expect(await pointsIn(kind, at, userOf(i)), `${at.toISOString()} ${kind}`).toBe(1);
          const before = periodRange(kind, at, timeZone).start!;
          expect(await pointsIn(kind, new Date(before.getTime() - 1), userOf(i))).toBe(0);
        }
      }
    });
  });
});
