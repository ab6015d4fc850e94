import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CardMemo } from '../../core/deck/resolveCard.ts';

/** Where what settling each card found is kept between starts, by content hash. */
export interface MemoStore {
  load(): Promise<ReadonlyMap<string, CardMemo>>;
  /** Replaces what is kept with the memos of the deck just loaded (old cards' entries go). */
  save(memos: ReadonlyMap<string, CardMemo>): Promise<void>;
}

/** Proves every card at every load (the command line, and tests). */
export const noMemo: MemoStore = { load: async () => new Map(), save: async () => {} };

/**
 * A JSON file in the data folder. The memo is only a cache: a file that cannot be read or
 * written costs a cold load, never a card. The program's version is part of the key, so a new
 * grader or drafter proves again.
 */
export function fileMemoStore(path: string, version: string): MemoStore {
  return {
    async load() {
      try {
        const data = JSON.parse(await readFile(path, 'utf8')) as { version?: string; memos?: Record<string, CardMemo> };
        return data.version === version ? new Map(Object.entries(data.memos ?? {})) : new Map();
      } catch {
        return new Map();
      }
    },
    async save(memos) {
      const temp = `${path}.${process.pid}.tmp`;
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(temp, JSON.stringify({ version, memos: Object.fromEntries(memos) }));
        await rename(temp, path);
      } catch {
        // A read-only data folder only makes the next start a cold one.
      }
    },
  };
}
