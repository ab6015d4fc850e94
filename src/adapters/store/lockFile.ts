import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { DatabaseLockedError } from './DatabaseLockedError.ts';

export const LOCK_FILE_NAME = 'gradquiz.lock';

/** Who holds the lock: a pid alone is not enough, pids are reused after a crash (above all in containers). */
export interface LockOwner {
  readonly pid: number;
  /** The process's start time in clock ticks since boot (`/proc/PID/stat`), when the system has it. */
  readonly start?: string;
  /** The kernel's boot id: a start time means nothing across reboots. */
  readonly boot?: string;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Field 22 of `/proc/PID/stat` (after the command name, which may hold spaces and parentheses). */
function processStart(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

const bootId = () => readText('/proc/sys/kernel/random/boot_id')?.trim();

export function currentOwner(): LockOwner {
  const start = processStart(process.pid);
  const boot = bootId();
  return { pid: process.pid, ...(start ? { start } : {}), ...(boot ? { boot } : {}) };
}

/** A lock's owner; a bare pid is a lock written by an older gradquiz, trusted as far as a pid goes. */
function parseOwner(text: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(text) as unknown;
    const owner = (typeof parsed === 'number' ? { pid: parsed } : parsed) as Partial<LockOwner> | null;
    return Number.isInteger(owner?.pid) && (owner?.pid as number) > 0 ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The owner is the process that wrote the lock: its pid exists, and — where the system tells start
 * times — that process started when the lock says, in this boot. A reused pid has another start time.
 */
function isLive(owner: LockOwner): boolean {
  if (!pidExists(owner.pid)) return false;
  if (owner.boot !== undefined && owner.boot !== bootId()) return false;
  const start = processStart(owner.pid);
  return owner.start === undefined || start === undefined || owner.start === start;
}

/** Blocks this thread for `ms` (start-up only: taking the lock is synchronous). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes `DIR/gradquiz.lock` for this process (PGlite cannot share a directory between processes). The
 * file appears whole or not at all: it is written under a private name, then hard-linked into place,
 * which fails if a lock exists. A lock whose owner is gone (or a reused pid) is taken over; a live
 * one throws {@link DatabaseLockedError}. Returns the release function.
 */
export function acquireLock(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const mine = JSON.stringify(currentOwner());
  const draft = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(draft, `${mine}\n`);
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        linkSync(draft, file);
        return () => {
          if (readText(file)?.trim() === mine) rmSync(file, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const text = readText(file);
      if (text === undefined) continue;
      const owner = parseOwner(text);
      if (owner !== undefined && isLive(owner)) throw new DatabaseLockedError(dataDir, owner.pid);
      if (!takeOver(file, text, draft)) pause(2);
    }
    throw new DatabaseLockedError(dataDir, parseOwner(readText(file) ?? '')?.pid ?? 0);
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Removes a stale lock, under a guard file taken the same way as the lock, so that of several
 * processes finding it stale only one removes it — and never a fresh lock another has just taken.
 * False when another process holds the guard (try again shortly).
 */
function takeOver(file: string, staleText: string, draft: string): boolean {
  const guard = `${file}.takeover`;
  try {
    linkSync(draft, guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = parseOwner(readText(guard) ?? '');
    // A guard outlives its holder only if that process died within the microseconds it holds it.
    if (holder === undefined || !isLive(holder)) rmSync(guard, { force: true });
    return false;
  }
  try {
    if (readText(file) === staleText) rmSync(file, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
  return true;
}
