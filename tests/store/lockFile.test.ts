import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { DatabaseLockedError, openDatabase } from '../../src/adapters/store/index.ts';
import { acquireLock, currentOwner, LOCK_FILE_NAME } from '../../src/adapters/store/lockFile.ts';

const LOCK_MODULE = path.join(import.meta.dirname, '../../src/adapters/store/lockFile.ts');
const lockOwner = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')) as unknown;

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
    expect(lockOwner(dir)).toEqual(currentOwner());
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
    expect(lockOwner(dir)).toEqual(currentOwner());
    await db.close();
  });

  it('GIVEN a lock naming a live pid that another process now has (a restarted container) THEN it is taken over', () => {
    const dir = tempDir();
    // Our parent is alive, but it is not the process that wrote this lock: it started at another time.
    const reused = { ...currentOwner(), pid: process.ppid, start: '1' };
    writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify(reused));
    const release = acquireLock(dir);
    expect(lockOwner(dir)).toEqual(currentOwner());
    release();
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('GIVEN a lock written before a reboot THEN it is taken over, whatever its pid', () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, LOCK_FILE_NAME),
      JSON.stringify({ ...currentOwner(), boot: 'an-earlier-boot' }),
    );
    acquireLock(dir)();
  });

  it('GIVEN our own live lock THEN a second taker is refused, and the lock file is never seen half-written', () => {
    const dir = tempDir();
    const release = acquireLock(dir);
    expect(() => acquireLock(dir)).toThrow(DatabaseLockedError);
    expect(readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
    release();
  });

  it('GIVEN eight processes starting together THEN exactly one takes the lock', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: 999_999_999 }));
    // Each child says what it got and stays alive until told to go: the one that took the lock
    // holds it until every child has tried, however slowly they start on a loaded machine.
    const script = `import { acquireLock } from ${JSON.stringify(LOCK_MODULE)};
      try { acquireLock(process.argv[1]); process.stdout.write('took'); }
      catch (error) { process.stdout.write(error.name); }
      process.stdin.resume();`;
    const children = Array.from({ length: 8 }, () =>
      spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], {
        stdio: 'pipe',
      }),
    );
    const outcomes = await Promise.all(
      children.map(
        (child) =>
          new Promise<string>((resolve) => {
            child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString()));
            child.on('exit', () => resolve('exited without a word'));
          }),
      ),
    );
    for (const child of children) child.stdin.end();
    expect([...outcomes].sort()).toEqual([...Array<string>(7).fill('DatabaseLockedError'), 'took']);
  });
});
