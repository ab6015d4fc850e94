import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runProcess, type ProcessResult } from '../helpers/runProcess.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

const BIN = fileURLToPath(new URL('../../bin/gradquiz.mjs', import.meta.url));
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

/** `npx gradquiz …` on the database of this pass, as a user runs it. */
function gradquiz(args: string[]): Promise<ProcessResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', GRADQUIZ_EXPORT_SECRET: '' };
  if (database.config.kind === 'postgres') env['DATABASE_URL'] = database.config.url;
  else {
    delete env['DATABASE_URL'];
    env['GRADQUIZ_DATA_DIR'] = database.config.kind === 'pglite' ? database.config.dataDir : '';
  }
  return runProcess(process.execPath, [BIN, ...args], env);
}

describe('GIVEN the gradquiz command on a new database', () => {
  it('THEN stats --json opens it (migrating it) and prints an empty report; export prints a CSV header', async () => {
    const stats = await gradquiz(['stats', '--json', '--tz', 'Europe/Prague']);
    expect(stats.stderr).toBe('');
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toEqual({
      scope: { guildId: null, cardId: null, period: 'all', since: null, timeZone: 'Europe/Prague' },
      parts: [],
      flashcards: [],
    });
    const grades = await gradquiz(['export', 'grades']);
    expect(grades.code).toBe(0);
    expect(grades.stdout).toBe('userId,displayName,partsSolved,points,attempts,lastActivity\r\n');
    const refused = await gradquiz(['export', 'attempts', '--anonymize']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--anonymize needs GRADQUIZ_EXPORT_SECRET/);
    // Each run starts Node, loads the seeds and opens (the first time, migrates) the database.
  }, 180_000);
});
