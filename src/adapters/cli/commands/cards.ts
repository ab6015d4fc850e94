import type { Card } from '../../../core/cards/card.ts';
import type { CardProblem } from '../../../core/cards/problem.ts';
import { checkCard } from '../../../core/checking/checkCard.ts';
import { seededRng } from '../../../core/random/rng.ts';
import type { SeedBank } from '../../seeds/loadSeeds.ts';
import type { CliIo } from '../io.ts';

/** Extra checks an adapter can add, such as "does its TeX typeset". */
export type CardLint = (card: Card) => Promise<CardProblem[]> | CardProblem[];

const line = (p: CardProblem) => `${p.warning ? 'warning: ' : ''}${p.file}: ${p.field}: ${p.message}\n`;

/**
 * `gradquiz cards check`: every problem of every card on stderr, a summary on stdout, exit 1
 * when any card is broken.
 */
export async function cardsCheckCommand(
  bank: SeedBank,
  lints: readonly CardLint[],
  io: CliIo,
): Promise<number> {
  const problems: CardProblem[] = bank.broken.flatMap((b) => b.problems);
  const brokenFiles = new Set(bank.broken.map((b) => b.file));
  for (const card of bank.cards) {
    const found = [
      ...checkCard(card, seededRng(1)),
      ...(await Promise.all(lints.map((lint) => lint(card)))).flat(),
    ];
    if (found.some((p) => !p.warning)) brokenFiles.add(card.file);
    problems.push(...found);
  }
  problems.push(...bank.warnings);
  problems.sort((a, b) => a.file.localeCompare(b.file));
  for (const p of problems) io.err(line(p));
  const total = bank.files.length;
  const warnings = problems.filter((p) => p.warning).length;
  io.out(
    `${total} card${total === 1 ? '' : 's'} checked in ${bank.dir}: ${total - brokenFiles.size} sound, ${brokenFiles.size} broken, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
  );
  return brokenFiles.size > 0 ? 1 : 0;
}

/** `gradquiz cards list [--json]`. */
export function cardsListCommand(bank: SeedBank, json: boolean, io: CliIo): number {
  const rows = bank.cards.map((c) => ({
    id: c.id,
    course: c.course,
    tags: c.tags,
    difficulty: c.difficulty,
    parts: c.parts.map((p) => p.label),
    file: c.file,
  }));
  if (json) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  for (const r of rows)
    io.out(
      `${r.id}  (${r.file})  difficulty ${r.difficulty}  parts ${r.parts.join(', ')}  ${r.course}  [${r.tags.join(', ')}]\n`,
    );
  for (const b of bank.broken) io.out(`${b.id ?? '?'}  (${b.file})  BROKEN — run "gradquiz cards check"\n`);
  return 0;
}
