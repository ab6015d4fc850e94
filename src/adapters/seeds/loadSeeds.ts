import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Card } from '../../core/cards/card.ts';
import { parseCard } from '../../core/cards/parseCard.ts';
import type { CardProblem } from '../../core/cards/problem.ts';

/** A card file that could not be loaded, with everything wrong with it. */
export interface BrokenCard {
  readonly file: string;
  readonly id?: string;
  readonly problems: readonly CardProblem[];
}

export interface SeedBank {
  readonly dir: string;
  readonly cards: readonly Card[];
  readonly broken: readonly BrokenCard[];
  readonly warnings: readonly CardProblem[];
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
 * others; two cards with one id are both reported, and the first one is kept.
 */
export async function loadSeeds(dir: string): Promise<SeedBank> {
  const files = await listCardFiles(dir);
  const cards: Card[] = [];
  const broken: BrokenCard[] = [];
  const warnings: CardProblem[] = [];
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
    cards.push(parsed.card);
    warnings.push(...parsed.warnings);
  }
  return { dir, cards, broken, warnings, files };
}
