import { prismaStore, openDatabase, type Database } from '../../src/adapters/store/index.ts';
import { syncCards, type AppContext } from '../../src/app/index.ts';
import type { Card } from '../../src/core/cards/card.ts';
import { seededRng } from '../../src/core/random/rng.ts';
import { fakeGrader } from './fakeCards.ts';
import { createTestDatabase, type TestDatabase } from './testDatabase.ts';

/** A clock tests move by hand. */
export function fixedClock(start: Date) {
  let now = start;
  return {
    now: () => now,
    set: (date: Date) => {
      now = date;
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

/** The application wired on a real database, with the fake grader and the given cards synced. */
export async function openTestApp(
  test: TestDatabase,
  cards: readonly Card[],
  options: { now?: Date; answersPerMinute?: number } = {},
): Promise<{ db: Database; ctx: AppContext; clock: ReturnType<typeof fixedClock> }> {
  const db = await openDatabase(test.config);
  const clock = fixedClock(options.now ?? new Date('2026-03-04T12:00:00Z'));
  const store = prismaStore(db);
  const byId = new Map(cards.map((card) => [card.id, card]));
  const ctx: AppContext = {
    store,
    catalog: { get: (id) => byId.get(id), all: () => [...byId.values()] },
    clock,
    rng: seededRng(1),
    grade: fakeGrader,
    answersPerMinute: options.answersPerMinute ?? 1000,
  };
  await syncCards({ store, clock }, cards);
  return { db, ctx, clock };
}

/** A test file's application on a database of its own, and how to close and drop it. */
export interface TestApp extends Awaited<ReturnType<typeof openTestApp>> {
  close(): Promise<void>;
}

/** Creates the test file's database (PostgreSQL when DATABASE_URL is set, else PGlite) and opens the application on it. */
export async function startTestApp(
  cards: readonly Card[],
  options: { now?: Date; answersPerMinute?: number } = {},
): Promise<TestApp> {
  const test = await createTestDatabase();
  const opened = await openTestApp(test, cards, options);
  return {
    ...opened,
    close: async () => {
      await opened.db.close();
      await test.drop();
    },
  };
}
