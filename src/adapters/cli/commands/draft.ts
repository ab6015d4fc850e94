import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';
import { parseCard } from '../../../core/cards/parseCard.ts';
import { draftCheck } from '../../../core/drafting/draftCheck.ts';
import { seededRng } from '../../../core/random/rng.ts';
import type { CliIo } from '../io.ts';
import { cardProblemWords } from '../../text/cardProblemWords.ts';

/** The seed `resolveCard` drafts with, so that what is printed is what the bot will load. */
const SEED = 1;

async function cardFiles(target: string): Promise<string[]> {
  if (!(await stat(target)).isDirectory()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(md|txt)$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * The block as front-matter YAML in SPEC section 1's layout: small maps and lists in flow style
 * (`n: [2, 6]`), the rest in block style. gray-matter's own YAML writer, so no new dependency.
 */
function checkYaml(block: Record<string, unknown>): string {
  const document = matter.stringify('', { check: block }, {
    flowLevel: 3,
    lineWidth: 200,
    noRefs: true,
  } as never);
  return document.replace(/^---\r?\n/, '').replace(/---\s*$/, '');
}

/**
 * Inserts `lines` just before the line that closes the front matter, changing no other byte; the
 * file's own line ending is used. Undefined when the file has no front matter.
 */
function insertIntoFrontMatter(text: string, lines: string): string | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const close = /^---[ \t]*\r?$/m;
  if (!/^---[ \t]*\r?\n/.test(text)) return undefined;
  const firstLineEnd = text.indexOf('\n') + 1;
  const match = close.exec(text.slice(firstLineEnd));
  if (match === null) return undefined;
  const at = firstLineEnd + match.index;
  return `${text.slice(0, at)}${lines.replace(/\r?\n/g, eol)}${text.slice(at)}`;
}

/**
 * `gradquiz cards draft FILE|DIR [--write]`: the check block drafted and proven for each
 * derivation written without one, or why none could be; `--write` puts it into the card.
 */
export async function cardsDraftCommand(target: string, write: boolean, io: CliIo): Promise<number> {
  const files = await cardFiles(target).catch((error: Error) => error);
  if (files instanceof Error) {
    io.err(`gradquiz: cannot read ${target}: ${files.message}\n`);
    return 2;
  }
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const parsed = parseCard(text, file, '');
    if (!parsed.ok) {
      const why = parsed.problems.map((p) => `${p.field}: ${cardProblemWords(p)}`).join('; ');
      io.out(`# ${file}: cannot be read as a card (${why})\n\n`);
      continue;
    }
    const card = parsed.card;
    if (card.check === 'written') {
      io.out(`# ${file} (${card.id}): has a written check block; skipped\n\n`);
      continue;
    }
    if (card.type.toLowerCase() !== 'derivation') {
      io.out(`# ${file} (${card.id}): type ${card.type}, a self-graded flashcard; nothing to draft\n\n`);
      continue;
    }
    const draft = draftCheck(card, seededRng(SEED));
    if (!draft.ok) {
      io.out(`# ${file} (${card.id}): no check block could be drafted: ${draft.reason}\n\n`);
      continue;
    }
    const proven = draft.provenAgainst
      .map((p) => `part ${p.label} against $${p.formula.replace(/\s+/g, ' ')}$`)
      .join(', ');
    const lines = `# check drafted by gradquiz cards draft, proven against the solution: ${proven}\n${checkYaml(draft.block)}`;
    io.out(`# ${file} (${card.id})\n${lines}\n`);
    if (!write) continue;
    const updated = insertIntoFrontMatter(text, lines);
    if (updated === undefined) io.err(`gradquiz: ${file}: no front matter to write into\n`);
    else await writeFile(file, updated);
  }
  return 0;
}
