import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { DatabaseLockedError, openDatabase } from '../../src/adapters/store/index.ts';
import { LOCK_FILE_NAME } from '../../src/adapters/store/lockFile.ts';

// The lock guards the embedded database only, so it is tested on PGlite whichever database is selected.
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gradquiz-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the PGlite lock file', () => {
  it('GIVEN another live process holds the directory THEN opening it fails with a clear message', async () => {
    const dir = tempDir();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'holdDatabase.ts'), dir],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
      });
      const opening = openDatabase({ kind: 'pglite', dataDir: dir });
      await expect(opening).rejects.toThrow(DatabaseLockedError);
      await expect(opening).rejects.toThrow(`another gradquiz process (pid ${child.pid}) is using ${dir}`);
    } finally {
      child.stdin.end();
      await new Promise((resolve) => child.once('exit', resolve));
    }
    // Released on close: the directory opens now.
    const db = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8').trim()).toBe(String(process.pid));
    await db.close();
  });

  it('GIVEN a lock left by a process that is gone THEN it is taken over', async () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    writeFileSync(path.join(dir, LOCK_FILE_NAME), `${gone}\n`);
    const db = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8').trim()).toBe(String(process.pid));
    await db.close();
  });
});
