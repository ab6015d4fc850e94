import { stats, type AppContext, type PartStats, type StatsInput } from '../../../app/index.ts';
import type { CliIo } from '../io.ts';

const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);
const decimal = (value: number | null) => (value === null ? '–' : String(Math.round(value * 10) / 10));

const HEADER = [
  'card',
  'part',
  'attempts',
  'users',
  'solved',
  'rate',
  'median',
  'hints/solve',
  'give-ups',
  'invalid',
];

function row(part: PartStats): string[] {
  return [
    part.card,
    part.part,
    String(part.attempts),
    String(part.users),
    String(part.solvedUsers),
    percent(part.solveRate),
    decimal(part.medianAttemptsToSolve),
    decimal(part.hintsPerSolve),
    String(part.giveUps),
    String(part.invalid.count),
  ];
}

/** Columns padded to their widest cell. */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `gradquiz stats`: the item analysis as a table (the wrong answers students share under each part), or JSON. */
export async function statsCommand(
  app: AppContext,
  input: StatsInput,
  json: boolean,
  io: CliIo,
): Promise<number> {
  const result = await stats(app, input);
  if (result.kind === 'bad_date') {
    io.err(`gradquiz: --since ${result.since} is not a date (YYYY-MM-DD)\n`);
    return 2;
  }
  const { report } = result;
  if (json) {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const { scope } = report;
  io.out(
    `${scope.guildId === null ? 'All servers' : `Server ${scope.guildId}`}, ${scope.since === null ? 'all time' : `since ${scope.since} (${scope.timeZone})`}\n\n`,
  );
  if (report.parts.length === 0 && report.flashcards.length === 0) {
    io.out('No answers yet.\n');
    return 0;
  }
  io.out(`${table([HEADER, ...report.parts.map(row)])}\n`);
  for (const part of report.parts) {
    if (part.wrongGroups.length === 0 && part.invalid.reasons.length === 0) continue;
    io.out(`\n${part.card} part ${part.part}\n`);
    for (const group of part.wrongGroups) {
      const mistake = group.mistake === undefined ? '' : `  [${group.mistake}]`;
      io.out(`  ${String(group.count).padStart(5)} × ${group.users} users  ${group.example}${mistake}\n`);
    }
    for (const { reason, count } of part.invalid.reasons) {
      io.out(`  ${String(count).padStart(5)} invalid  ${reason.split('\n')[0]}\n`);
    }
  }
  for (const card of report.flashcards) {
    const { again, hard, good, easy } = card.ratings;
    io.out(`\n${card.card} (flashcard): again ${again}, hard ${hard}, good ${good}, easy ${easy}\n`);
  }
  return 0;
}
