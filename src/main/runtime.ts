import type { AppContext } from '../app/index.ts';
import { syncCards } from '../app/index.ts';
import type { Config } from '../config.ts';
import {
  describeDatabase,
  openDatabase,
  prismaStore,
  type Database,
  type DatabaseConfig,
} from '../adapters/store/index.ts';
import { createAppContext } from './appContext.ts';
import { offsetClock } from './offsetClock.ts';
import { reloadableCatalog } from '../adapters/seeds/reloadableCatalog.ts';
import { deckMemo } from '../adapters/seeds/deckMemo.ts';
import type { MemoStore } from '../adapters/seeds/memoStore.ts';
import { loadSeeds, type SeedBank } from '../adapters/seeds/loadSeeds.ts';

/** What both chat adapters run on: the application core wired to the store and the seeds. */
export interface Runtime {
  readonly app: AppContext;
  /** The app's catalog, which a reload of the seeds replaces. */
  readonly catalog: ReturnType<typeof reloadableCatalog>;
  readonly database: Database;
  readonly bank: SeedBank;
  /** The deck memo of the data folder, made once (its key hashes the core's sources): reloads reuse it. */
  readonly memo: MemoStore;
  readonly databaseDescription: string;
  close(): Promise<void>;
}

/** Opens the database (applying migrations), loads the seeds and syncs them into the store. */
export async function openRuntime(config: Config, database: DatabaseConfig): Promise<Runtime> {
  const memo = await deckMemo(config.GRADQUIZ_DATA_DIR);
  const bank = await loadSeeds(config.GRADQUIZ_SEEDS, memo);
  const db = await openDatabase(database);
  const catalog = reloadableCatalog(bank.cards);
  const app = createAppContext(config, {
    store: (deps) => prismaStore(db, deps),
    catalog,
    ...(config.GRADQUIZ_TEST_CLOCK_FILE ? { clock: offsetClock(config.GRADQUIZ_TEST_CLOCK_FILE) } : {}),
  });
  await syncCards(app, bank.cards);
  return {
    app,
    catalog,
    database: db,
    bank,
    memo,
    databaseDescription: describeDatabase(database),
    close: () => db.close(),
  };
}
