// `npm run db:migrate`: applies the pending migrations of prisma/migrations to the selected database
// (DATABASE_URL → PostgreSQL, else PGlite in GRADQUIZ_DATA_DIR; the environment and `.env`, as for
// `npm start`), offline, through the wasm schema engine; then signs the answers recorded before answers
// had signatures (a backfill from their input, against the seeds' cards; nothing to do the next time).
import {
  databaseConfigOf,
  describeDatabase,
  openDatabase,
  prismaStore,
} from '../src/adapters/store/index.ts';
import { deckMemo } from '../src/adapters/seeds/deckMemo.ts';
import { loadSeeds } from '../src/adapters/seeds/loadSeeds.ts';
import { signAttempts } from '../src/app/index.ts';
import { loadConfig } from '../src/config.ts';
import { createAppContext } from '../src/main/appContext.ts';

const loaded = loadConfig();
if (!loaded.ok) {
  console.error(`gradquiz: ${loaded.message}`);
  process.exit(2);
}
const config = databaseConfigOf(loaded.config);
const db = await openDatabase(config);
try {
  const applied = db.appliedMigrations;
  console.log(
    applied.length === 0
      ? `${describeDatabase(config)}: already up to date.`
      : `${describeDatabase(config)}: applied ${applied.join(', ')}.`,
  );
  const seeds = loaded.config.GRADQUIZ_SEEDS;
  const bank = await loadSeeds(seeds, await deckMemo(loaded.config.GRADQUIZ_DATA_DIR)).catch(() => null);
  if (bank === null) {
    console.log(`signatures: no seeds in ${seeds}; old answers stay unsigned until a run that has them.`);
  } else {
    const cards = new Map(bank.cards.map((card) => [card.id, card]));
    const app = createAppContext(loaded.config, {
      store: (deps) => prismaStore(db, deps),
      catalog: { get: (id) => cards.get(id), all: () => [...cards.values()] },
    });
    const { signed, unsignable } = await signAttempts(app);
    if (signed > 0 || unsignable > 0)
      console.log(
        `signatures: ${signed} answers signed, ${unsignable} cannot be (card gone or input unreadable).`,
      );
  }
} finally {
  await db.close();
}
