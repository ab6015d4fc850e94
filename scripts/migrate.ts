// `npm run db:migrate`: applies the pending migrations of prisma/migrations to the selected database
// (DATABASE_URL → PostgreSQL, else PGlite in GRADQUIZ_DATA_DIR), offline, through the wasm schema engine.
import { databaseConfigFromEnv, describeDatabase, openDatabase } from '../src/adapters/store/index.ts';

const config = databaseConfigFromEnv();
const db = await openDatabase(config);
await db.close();
const applied = db.appliedMigrations;
console.log(
  applied.length === 0
    ? `${describeDatabase(config)}: already up to date.`
    : `${describeDatabase(config)}: applied ${applied.join(', ')}.`,
);
