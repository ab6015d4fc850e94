import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';

import { openDatabase, prismaStore } from '../../src/adapters/store/index.ts';
import { startQuiz, submitAnswer, syncCards } from '../../src/app/index.ts';
import { fakeCard } from '../support/fakeCards.ts';
import { openTestApp } from '../support/testApp.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.drop();
});

describe('the store across restarts', () => {
  it('GIVEN open quizzes and progress THEN closing and reopening the same database keeps them', async () => {
    const first = await openTestApp(test, [fakeCard('c1')]);
    expect(first.db.appliedMigrations.length).toBeGreaterThan(0);
    const started = await startQuiz(first.ctx, {
      user: { id: 'u1', displayName: 'Ada' },
      guildId: 'g',
      channelId: 'ch',
      cardId: 'c1',
    });
    if (started.kind !== 'started') throw new Error(started.kind);
    await first.ctx.store.quizzes.setPost(started.quiz.id, { threadId: 't-1', messageId: 'm-1' });
    await submitAnswer(first.ctx, {
      externalId: 'r:1',
      user: { id: 'u1', displayName: 'Ada' },
      guildId: 'g',
      channelId: 'ch',
      threadId: 't-1',
      input: 'wrong',
    });
    await first.db.close();

    const db = await openDatabase(test.config);
    try {
      expect(db.appliedMigrations).toEqual([]);
      const store = prismaStore(db, { clock: first.clock, ids: randomUUID });
      const open = await store.quizzes.open({ guildId: 'g', limit: 10 });
      expect(open).toMatchObject([
        { id: started.quiz.id, threadId: 't-1', messageId: 'm-1', cardId: 'c1', open: true },
      ]);
      expect(await store.quizzes.ofThread('t-1')).toMatchObject({ id: started.quiz.id });
      expect(await store.history.progress('u1')).toMatchObject([
        { cardId: 'c1', part: '1', attempts: 1, status: 'learning' },
      ]);
    } finally {
      await db.close();
    }
  });

  it('GIVEN a card edited and one removed between syncs THEN the first updates, the second retires and keeps its attempts', async () => {
    const app = await openTestApp(test, [fakeCard('keep', { hash: 'v1' }), fakeCard('gone'), fakeCard('c1')]);
    try {
      const started = await startQuiz(app.ctx, {
        user: { id: 'u2', displayName: 'Bo' },
        guildId: 'g',
        channelId: 'ch2',
        cardId: 'gone',
      });
      if (started.kind !== 'started') throw new Error(started.kind);
      await submitAnswer(app.ctx, {
        externalId: 's:1',
        user: { id: 'u2', displayName: 'Bo' },
        guildId: 'g',
        channelId: 'ch2',
        quizId: started.quiz.id,
        input: 'right',
      });

      const edited = fakeCard('keep', { hash: 'v2', difficulty: 4, tags: ['chain-rule'] });
      const result = await syncCards(app.ctx, [edited, fakeCard('c1')]);
      expect(result).toEqual({ added: [], updated: ['keep'], retired: ['gone'], unchanged: 1 });
      const cards = await app.ctx.store.cards.list();
      expect(cards.find((card) => card.id === 'keep')).toMatchObject({
        contentHash: 'v2',
        difficulty: 4,
        tags: ['chain-rule'],
        retiredAt: null,
      });
      expect(cards.find((card) => card.id === 'gone')?.retiredAt).toEqual(app.clock.now());
      expect(await app.db.prisma.attempt.count({ where: { cardId: 'gone' } })).toBe(1);

      // Back in the seeds: restored.
      const back = await syncCards(app.ctx, [edited, fakeCard('c1'), fakeCard('gone')]);
      expect(back).toEqual({ added: [], updated: ['gone'], retired: [], unchanged: 2 });
    } finally {
      await app.db.close();
    }
  });
});
