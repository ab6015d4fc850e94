import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Card } from '../../core/cards/card.ts';
import { parseCard } from '../../core/cards/parseCard.ts';
import type { CardProblem } from '../../core/cards/problem.ts';
import { resolveCard, type CardMemo } from '../../core/deck/resolveCard.ts';
import { noMemo, type MemoStore } from './memoStore.ts';

/** A card file that could not be loaded, with everything wrong with it. */
interface BrokenCard {
  readonly file: string;
  readonly id?: string;
  readonly problems: readonly CardProblem[];
}

export interface SeedBank {
  readonly dir: string;
  /** Every card that loads, numeric or self-graded. */
  readonly cards: readonly Card[];
  /** Files that cannot be read as a card at all. */
  readonly broken: readonly BrokenCard[];
  /**
   * Problems of cards that load: warnings, and the errors of a written check block that is wrong
   * (that card is served as a flashcard, and `cards check` fails on it).
   */
  readonly problems: readonly CardProblem[];
  /** The files looked at, relative to `dir`. */
  readonly files: readonly string[];
}

async function listCardFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(md|txt)$/i.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * Loads every card below `dir` (recursively, `.md` and `.txt`). A broken card does not stop the
 * others; two cards with one id are both reported, and the first one is kept. Each card is
 * settled (its written block proven, or a block drafted); what that found is remembered by
 * content hash in `memo`, so an unchanged deck is not proven again.
 */
export async function loadSeeds(dir: string, memo: MemoStore = noMemo): Promise<SeedBank> {
  const files = await listCardFiles(dir);
  const cards: Card[] = [];
  const broken: BrokenCard[] = [];
  const problems: CardProblem[] = [];
  const remembered = await memo.load();
  const fresh = new Map<string, CardMemo>();
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    const hash = createHash('sha256').update(text).digest('hex');
    const parsed = parseCard(text, file, hash);
    if (!parsed.ok) {
      broken.push({ file, ...(parsed.id !== undefined ? { id: parsed.id } : {}), problems: parsed.problems });
      continue;
    }
    const twin = cards.find((c) => c.id === parsed.card.id);
    if (twin !== undefined) {
      const message = `the id "${parsed.card.id}" is already used by ${twin.file}`;
      broken.push({ file, id: parsed.card.id, problems: [{ file, field: 'id', message }] });
      continue;
    }
    const resolution = resolveCard(parsed.card, remembered.get(hash));
    if (resolution.memo !== undefined) fresh.set(hash, resolution.memo);
    cards.push(resolution.card);
    problems.push(...parsed.problems, ...resolution.problems);
  }
  // An unchanged deck writes nothing at start-up.
  const changed = fresh.size !== remembered.size || [...fresh.keys()].some((hash) => !remembered.has(hash));
  if (changed) await memo.save(fresh);
  return { dir, cards, broken, problems, files };
}
