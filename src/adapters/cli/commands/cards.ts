import { partLabels, type Card, type CheckSource } from '../../../core/cards/card.ts';
import type { CardProblem } from '../../../core/cards/problem.ts';
import type { SeedBank } from '../../seeds/loadSeeds.ts';
import type { CliIo } from '../io.ts';
import { cardProblemWords } from '../../text/cardProblemWords.ts';
import { plural } from '../../text/plural.ts';

/** Extra checks an adapter can add, such as "does its TeX typeset". */
export type CardLint = (card: Card) => Promise<CardProblem[]> | CardProblem[];

const line = (p: CardProblem) =>
  `${p.warning ? 'warning: ' : ''}${p.file}: ${p.field}: ${cardProblemWords(p)}\n`;

/**
 * `gradquiz cards check`: every problem of every card on stderr, a summary on stdout, exit 1 when a
 * file cannot be read as a card or a written check block is wrong. Loading has already proven each
 * written block and drafted the rest; a draft that failed is a warning (the card is a flashcard).
 */
export async function cardsCheckCommand(
  bank: SeedBank,
  lints: readonly CardLint[],
  io: CliIo,
): Promise<number> {
  const problems: CardProblem[] = [...bank.broken.flatMap((b) => b.problems), ...bank.problems];
  for (const card of bank.cards)
    problems.push(...(await Promise.all(lints.map((lint) => lint(card)))).flat());
  const brokenFiles = new Set(problems.filter((p) => !p.warning).map((p) => p.file));
  problems.sort((a, b) => a.file.localeCompare(b.file));
  for (const p of problems) io.err(line(p));
  const total = bank.files.length;
  const warnings = problems.filter((p) => p.warning).length;
  const count = (check: Card['check'], grading: Card['grading']) =>
    bank.cards.filter((c) => c.check === check && c.grading === grading).length;
  const selfGraded = bank.cards.filter((c) => c.grading === 'self').length;
  io.out(
    `${plural(total, 'card')} checked in ${bank.dir}: ${total - brokenFiles.size} sound, ${brokenFiles.size} broken, ${plural(warnings, 'warning')}` +
      ` (numeric: ${count('written', 'numeric')} written, ${count('drafted', 'numeric')} drafted; self-graded: ${selfGraded})\n`,
  );
  return brokenFiles.size > 0 ? 1 : 0;
}

/** One line of `cards list --json`: a card that loads, or a file refused. */
type ListEntry =
  | {
      id: string;
      file: string;
      type: string;
      grading: Card['grading'];
      check: CheckSource;
      parts: readonly string[];
      course: string;
      tags: readonly string[];
      difficulty: number;
      fallback?: string;
    }
  | { file: string; id?: string; broken: true; problems: string[] };

/** `gradquiz cards list [--json]`: every file, refused ones included. */
export function cardsListCommand(bank: SeedBank, json: boolean, io: CliIo): number {
  const entries: ListEntry[] = [
    ...bank.cards.map((c) => ({
      id: c.id,
      file: c.file,
      type: c.type,
      grading: c.grading,
      check: c.check,
      parts: partLabels(c),
      course: c.course,
      tags: c.tags,
      difficulty: c.difficulty,
      ...(c.grading === 'self' && c.fallback !== undefined ? { fallback: c.fallback } : {}),
    })),
    ...bank.broken.map((b) => ({
      file: b.file,
      ...(b.id !== undefined ? { id: b.id } : {}),
      broken: true as const,
      problems: b.problems.map((p) => `${p.field}: ${cardProblemWords(p)}`),
    })),
  ].sort((a, b) => a.file.localeCompare(b.file));
  if (json) {
    io.out(`${JSON.stringify(entries, null, 2)}\n`);
    return 0;
  }
  for (const e of entries) {
    if ('broken' in e) {
      io.out(`${e.id ?? '?'}  (${e.file})  REFUSED: ${e.problems.join('; ')}\n`);
      continue;
    }
    const mode = e.grading === 'numeric' ? `numeric (${e.check} check)` : 'self-graded flashcard';
    io.out(
      `${e.id}  (${e.file})  ${e.type}, ${mode}  difficulty ${e.difficulty}  parts ${e.parts.join(', ')}  ${e.course}  [${e.tags.join(', ')}]\n`,
    );
  }
  return 0;
}
