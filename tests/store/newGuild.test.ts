import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../../src/adapters/store/index.ts';
import type { AppContext } from '../../src/app/index.ts';
import { fakeCard } from '../support/fakeCards.ts';
import { startDatabaseTestApp, type DatabaseTestApp } from '../support/testApp.ts';

let opened: DatabaseTestApp;
let db: Database;
let ctx: AppContext;

beforeAll(async () => {
  opened = await startDatabaseTestApp([fakeCard('c1', { difficulty: 2 })], {
    now: new Date('2026-03-04T12:00:00Z'),
  });
  ({ db, ctx } = opened);
});
afterAll(async () => {
  await opened?.close();
});

describe('GIVEN the first requests of a new server arriving at once', () => {
  it('THEN its settings are created once, and every request gets them', async () => {
    const settings = await Promise.all(Array.from({ length: 12 }, () => ctx.store.guilds.get('fresh-guild')));
    expect(new Set(settings.map((s) => s.timeZone))).toEqual(new Set(['UTC']));
    expect(await db.prisma.guild.count({ where: { id: 'fresh-guild' } })).toBe(1);
  });

  it('THEN quizzes opened at once in another new server are all recorded', async () => {
    const quizzes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        ctx.store.quizzes.create({
          guildId: 'other-guild',
          channelId: `ch${i}`,
          threadId: null,
          messageId: null,
          cardId: 'c1',
          openedBy: null,
          createdAt: new Date('2026-03-04T12:00:00Z'),
        }),
      ),
    );
    expect(new Set(quizzes.map((q) => q.id)).size).toBe(8);
    expect(await db.prisma.guild.count({ where: { id: 'other-guild' } })).toBe(1);
  });
});
