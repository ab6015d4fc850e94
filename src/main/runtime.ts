import type { AppContext } from '../app/index.ts';
import { syncCards } from '../app/index.ts';
import type { NumericCard } from '../core/cards/card.ts';
import { findPart, gradeAnswer } from '../core/grading/index.ts';
import type { Verdict } from '../core/grading/verdict.ts';
import type { Config } from '../config.ts';
import {
  describeDatabase,
  openDatabase,
  prismaStore,
  type Database,
  type DatabaseConfig,
} from '../adapters/store/index.ts';
import { deckMemo } from '../adapters/seeds/deckMemo.ts';
import { loadSeeds, type SeedBank } from '../adapters/seeds/loadSeeds.ts';

/** What both chat adapters run on: the application core wired to the store and the seeds. */
export interface Runtime {
  readonly app: AppContext;
  readonly database: Database;
  readonly bank: SeedBank;
  readonly databaseDescription: string;
  close(): Promise<void>;
}

/** The core grader behind the application's `Grader` port. */
export function grader(card: NumericCard, label: string, input: string, rng: () => number): Verdict {
  const part = findPart(card, label);
  if (part === undefined) return { verdict: 'invalid', feedback: `This card has no part "${label}".` };
  return gradeAnswer(card, part, input, rng);
}

/** Opens the database (applying migrations), loads the seeds and syncs them into the store. */
export async function openRuntime(config: Config, database: DatabaseConfig): Promise<Runtime> {
  const bank = await loadSeeds(config.GRADQUIZ_SEEDS, await deckMemo(config.GRADQUIZ_DATA_DIR));
  const db = await openDatabase(database);
  const byId = new Map(bank.cards.map((c) => [c.id, c]));
  const app: AppContext = {
    store: prismaStore(db),
    catalog: { get: (id) => byId.get(id), all: () => bank.cards },
    clock: { now: () => new Date() },
    rng: Math.random,
    grade: grader,
    answersPerMinute: config.GRADQUIZ_ANSWERS_PER_MINUTE,
  };
  await syncCards(app, bank.cards);
  return {
    app,
    database: db,
    bank,
    databaseDescription: describeDatabase(database),
    close: () => db.close(),
  };
}
