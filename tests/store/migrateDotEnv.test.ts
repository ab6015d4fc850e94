import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

const SCRIPT = path.join(import.meta.dirname, '../../scripts/migrate.ts');
// The script runs in another folder, where `tsx` cannot be found by name.
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const MIGRATIONS = readdirSync(path.join(import.meta.dirname, '../../prisma/migrations')).filter((name) =>
  /^\d+_/.test(name),
);

let cwd: string;
let database: TestDatabase;

beforeAll(async () => {
  cwd = mkdtempSync(path.join(os.tmpdir(), 'gradquiz-dotenv-'));
  database = await createTestDatabase();
});
afterAll(async () => {
  rmSync(cwd, { recursive: true, force: true });
  await database?.drop();
});

describe('GIVEN the database chosen in .env only', () => {
  it('THEN npm run db:migrate migrates that database, as npm start would use it', () => {
    // The pass's database is named in .env, never in the environment: the script must read the file.
    const line =
      database.config.kind === 'postgres'
        ? `DATABASE_URL="${database.config.url}"`
        : `GRADQUIZ_DATA_DIR=${database.config.kind === 'pglite' ? database.config.dataDir : ''}`;
    writeFileSync(path.join(cwd, '.env'), `# chosen here\n${line}\n`);
    const env = { ...process.env };
    delete env['DATABASE_URL'];
    delete env['GRADQUIZ_DATA_DIR'];
    const run = spawnSync(process.execPath, ['--import', TSX, SCRIPT], { cwd, env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const where =
      database.config.kind === 'postgres' ? /^PostgreSQL at postgresql:/ : /^embedded database in /;
    expect(run.stdout).toMatch(where);
    expect(run.stdout).toContain(`applied ${MIGRATIONS.join(', ')}.`);
    // Nothing was created where the default would have put an embedded database.
    expect(readdirSync(cwd)).toEqual(['.env']);
  });
});
