import { PassThrough, Readable, Writable } from 'node:stream';

import { loadSeeds } from '../../src/adapters/seeds/loadSeeds.ts';
import { openDatabase, prismaStore, type Database } from '../../src/adapters/store/index.ts';
import { runConsoleSession } from '../../src/adapters/console/consoleSession.ts';
import { syncCards, type AppContext, type UserRef } from '../../src/app/index.ts';
import { seededRng } from '../../src/core/random/rng.ts';
import { createAppContext, grader } from '../../src/main/appContext.ts';
import { createTestDatabase } from '../support/testDatabase.ts';

/**
 * The real application on the real store with the shipped seeds and grader: embedded PGlite in memory,
 * or a fresh PostgreSQL database when `DATABASE_URL` is set.
 */
export async function openConsoleApp(seeds = 'seeds'): Promise<{
  app: AppContext;
  db: Database;
  /** Moves the clock on, as days passing between sessions. */
  advance(ms: number): void;
  close(): Promise<void>;
}> {
  const test = process.env['DATABASE_URL'] ? await createTestDatabase() : undefined;
  const db = await openDatabase(test?.config ?? { kind: 'pglite-memory' });
  const bank = await loadSeeds(seeds);
  const byId = new Map(bank.cards.map((card) => [card.id, card]));
  // Each reading of the clock is a second later, so attempts come back in the order they were sent.
  let tick = Date.parse('2026-03-04T12:00:00Z');
  const clock = { now: () => new Date((tick += 1000)) };
  const app = createAppContext(
    { GRADQUIZ_ANSWERS_PER_MINUTE: 1000 },
    {
      store: (deps) => prismaStore(db, deps),
      catalog: { get: (id) => byId.get(id), all: () => bank.cards },
      clock,
      rng: seededRng(5),
      grade: grader,
    },
  );
  await syncCards(app, bank.cards);
  return {
    app,
    db,
    advance: (ms) => {
      tick += ms;
    },
    close: async () => {
      await db.close();
      await test?.drop();
    },
  };
}

/** A Writable that keeps what is written, and can wait for some text to appear. */
export class Transcript extends Writable {
  text = '';
  private waiters: (() => void)[] = [];

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    for (const wake of this.waiters.splice(0)) wake();
    done();
  }

  /** Resolves once `pattern` matches the text written after `from`. */
  async waitFor(pattern: RegExp, from = 0): Promise<string> {
    for (;;) {
      const match = pattern.exec(this.text.slice(from));
      if (match) return match[0];
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }
}

const greeting = {
  cards: 14,
  flashcards: 0,
  fallbacks: [],
  broken: [],
  databaseDescription: 'embedded database in memory',
};

/** Pipes `lines` into a session, as `printf … | npm start` would, and returns everything it printed. */
export async function pipeSession(app: AppContext, user: UserRef, lines: readonly string[]): Promise<string> {
  const output = new Transcript();
  await runConsoleSession({
    app,
    user,
    input: Readable.from([lines.map((line) => `${line}\n`).join('')]),
    output,
    greeting,
    interactive: false,
    color: false,
  });
  return output.text;
}

/** A session fed line by line, for tests that look at one reply at a time. */
export function liveSession(app: AppContext, user: UserRef) {
  const input = new PassThrough();
  const output = new Transcript();
  const done = runConsoleSession({ app, user, input, output, greeting, interactive: false, color: false });
  return {
    output,
    done,
    /**
     * Sends one line and returns the reply to it. An unknown command sent after it marks where the
     * reply ends, since lines are answered in order.
     */
    async send(line: string): Promise<string> {
      const from = output.text.length;
      input.write(`${line}\n/end-of-reply\n`);
      const text = await output.waitFor(/^[\s\S]*?There is no command \/end-of-reply.*\n\n/, from);
      return text.slice(0, text.lastIndexOf('There is no command')).trimEnd();
    },
    end: () => input.end(),
  };
}

/** The attempts of a user as rows a reader checks, in the order they were made. */
export async function attemptsOf(db: Database, userId: string) {
  return db.prisma.attempt.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: {
      verdict: true,
      input: true,
      cardId: true,
      part: true,
      isStep: true,
      points: true,
      mistake: true,
    },
  });
}
