// `npm run db:migrate`: applies the pending migrations of prisma/migrations to the selected database
// (DATABASE_URL → PostgreSQL, else PGlite in GRADQUIZ_DATA_DIR; the environment and `.env`, as for
// `npm start`), offline, through the wasm schema engine.
import { databaseConfigOf, describeDatabase, openDatabase } from '../src/adapters/store/index.ts';
import { loadConfig } from '../src/config.ts';

const loaded = loadConfig();
if (!loaded.ok) {
  console.error(`gradquiz: ${loaded.message}`);
  process.exit(2);
}
const config = databaseConfigOf(loaded.config);
const db = await openDatabase(config);
await db.close();
const applied = db.appliedMigrations;
console.log(
  applied.length === 0
    ? `${describeDatabase(config)}: already up to date.`
    : `${describeDatabase(config)}: applied ${applied.join(', ')}.`,
);
