import { prismaStore, openDatabase, type Database } from '../../src/adapters/store/index.ts';
import { memoryStore } from '../../src/adapters/store/memory/memoryStore.ts';
import { syncCards, type AppContext, type Grader, type Store, type StoreDeps } from '../../src/app/index.ts';
import type { Card } from '../../src/core/cards/card.ts';
import { seededRng } from '../../src/core/random/rng.ts';
import { createAppContext } from '../../src/main/appContext.ts';
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

/** Ids tests can read: `id-1`, `id-2` … */
export function countingIds(): () => string {
  let next = 0;
  return () => `id-${++next}`;
}

export interface TestAppOptions {
  readonly now?: Date;
  readonly answersPerMinute?: number;
  /** The core's grader instead of the fake one, for tests of what real verdicts leave behind. */
  readonly grade?: Grader;
}

/** The application on a store, with the fake grader (unless one is given), a fixed clock and the given cards synced. */
async function wire(
  store: (deps: StoreDeps) => Store,
  cards: readonly Card[],
  options: TestAppOptions & { ids?: () => string },
): Promise<{ ctx: AppContext; clock: ReturnType<typeof fixedClock> }> {
  const clock = fixedClock(options.now ?? new Date('2026-03-04T12:00:00Z'));
  const byId = new Map(cards.map((card) => [card.id, card]));
  const ctx = createAppContext(
    { GRADQUIZ_ANSWERS_PER_MINUTE: options.answersPerMinute ?? 1000 },
    {
      store,
      catalog: { get: (id) => byId.get(id), all: () => [...byId.values()] },
      clock,
      ...(options.ids ? { ids: options.ids } : {}),
      rng: seededRng(1),
      grade: options.grade ?? fakeGrader,
    },
  );
  await syncCards(ctx, cards);
  return { ctx, clock };
}

/** The application on the in-memory store: what application tests run on. */
export async function startTestApp(cards: readonly Card[], options: TestAppOptions = {}) {
  return { ...(await wire(memoryStore, cards, { ...options, ids: countingIds() })), close: async () => {} };
}

/**
 * The application wired on a real database (for tests of what the database itself must do), with
 * UUIDs: a reopened database keeps the ids it was given.
 */
export async function openTestApp(test: TestDatabase, cards: readonly Card[], options: TestAppOptions = {}) {
  const db = await openDatabase(test.config);
  return { db, ...(await wire((deps) => prismaStore(db, deps), cards, options)) };
}

/** A test file's application on a database of its own, and how to close and drop it. */
export interface DatabaseTestApp extends Awaited<ReturnType<typeof openTestApp>> {
  readonly db: Database;
  close(): Promise<void>;
}

/** Creates the test file's database (PostgreSQL when DATABASE_URL is set, else PGlite) and opens the application on it. */
export async function startDatabaseTestApp(
  cards: readonly Card[],
  options: TestAppOptions = {},
): Promise<DatabaseTestApp> {
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

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
