import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runProcess, type ProcessResult } from '../helpers/runProcess.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

let dataDir: string;
let database: TestDatabase | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gradquiz-console-'));
  // On PostgreSQL the child gets a fresh database of its own; otherwise PGlite in the temp folder.
  if (process.env['DATABASE_URL']) database = await createTestDatabase();
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
});

/** `printf … | npm start` without a Discord token: the practice mode, as a user pipes it. */
function npmStart(input: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Empty means unset, and beats a DISCORD_TOKEN in a `.env` file.
    DISCORD_TOKEN: '',
    GRADQUIZ_DATA_DIR: dataDir,
    GRADQUIZ_USER: 'piper',
    LOG_LEVEL: 'silent',
  };
  if (database?.config.kind === 'postgres') env['DATABASE_URL'] = database.config.url;
  Object.assign(env, extraEnv);
  return runProcess('npm', ['start', '--silent'], env, input);
}

describe('npm start in practice mode', () => {
  it('GIVEN a piped session THEN it grades, exits 0, and a second run shows what the first one solved', async () => {
    const first = await npmStart(
      [
        '/quiz card:ssu_batch6_005',
        '(y-yhat)*yhat*(1-yhat)*x',
        '(y - \\hat y) x',
        '(y-ŷ)x',
        '/progress',
        '/leaderboard',
        '/quit',
        '',
      ].join('\n'),
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^gradquiz practice mode: \d+ cards loaded — \d+ graded, \d+ flashcards?\./);
    expect(first.stdout).toContain('set DISCORD_TOKEN (see README.md)');
    expect(first.stdout).toContain(
      "❌ incorrect: You kept sigma'(s) = yhat(1-yhat): it cancels against dl/dyhat.",
    );
    expect(first.stdout).toContain('   Part 1 solved (+32 points).');
    expect(first.stdout).toContain('   Part 2 solved (+40 points).');
    expect(first.stdout).toContain('  solved cards: 1 (ssu_batch6_005)');
    expect(first.stdout).toMatch(/ 1\. piper +72 points {2}← you/);
    expect(first.stdout).not.toContain('\u001b[');

    // No /quit this time: the end of input ends the session just as well.
    const second = await npmStart('/progress\n');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Progress of piper');
    expect(second.stdout).toContain('  solved cards: 1 (ssu_batch6_005)');
    expect(second.stdout).toContain('  attempts: 3 · streak: 1 day');
  }, 120_000);
});

describe('npm start with a database that is down', () => {
  it('THEN it retries with a line per attempt, then exits 4 with a one-line reason, no stack trace', async () => {
    // Nothing listens on port 9 (discard) here: the connection is refused at once.
    const result = await npmStart('', {
      DATABASE_URL: 'postgresql://gradquiz:secret@127.0.0.1:9/gradquiz',
      GRADQUIZ_DB_STARTUP_SECONDS: '2',
    });
    expect(result.code).toBe(4);
    const lines = result.stderr.trim().split('\n');
    expect(
      lines.filter((l) => l.startsWith('gradquiz: the database is not reachable yet')).length,
    ).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toMatch(
      /^gradquiz: the database could not be reached in 2 s \(.+\); is it running, and is DATABASE_URL right\?$/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain('secret');
  });
});
