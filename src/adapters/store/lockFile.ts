import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

import { DatabaseLockedError } from './DatabaseLockedError.ts';

export const LOCK_FILE_NAME = 'gradquiz.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes `DIR/gradquiz.lock` for this process (PGlite cannot share a directory between processes): the
 * file is created exclusively and holds our pid. A lock whose process is gone is taken over; a live one
 * throws {@link DatabaseLockedError}. Returns the release function.
 */
export function acquireLock(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        if (readOwner(file) === process.pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner !== undefined && isAlive(owner)) throw new DatabaseLockedError(dataDir, owner);
    // The owner is gone (or never wrote its pid): the lock is stale.
    rmSync(file, { force: true });
  }
  throw new DatabaseLockedError(dataDir, readOwner(file) ?? 0);
}
