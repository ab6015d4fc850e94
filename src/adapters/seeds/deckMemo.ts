import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileMemoStore, type MemoStore } from './memoStore.ts';

const CORE_DIR = fileURLToPath(new URL('../../core/', import.meta.url));

/**
 * A hash of the core's sources: what a card's memo says (its draft, its proof) holds only for the
 * reader, grader and drafter that computed it, so any change to them proves the deck again.
 */
async function coreVersion(): Promise<string> {
  const files = (await readdir(CORE_DIR, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.slice(CORE_DIR.length)).update(await readFile(file));
  return hash.digest('hex');
}

/** The deck memo of a data folder (`GRADQUIZ_DATA_DIR`): a warm start does not prove cards again. */
export async function deckMemo(dataDir: string): Promise<MemoStore> {
  return fileMemoStore(join(dataDir, 'deck-memo.json'), await coreVersion());
}
