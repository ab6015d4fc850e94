import type { PartStats, StatsReport } from '../../app/index.ts';
import { plural } from '../text/plural.ts';
import type { Style } from './style.ts';

function partLine(part: PartStats): string {
  const outcome =
    part.solvedUsers > 0
      ? `solved on try ${part.medianAttemptsToSolve ?? '?'}`
      : part.giveUps > 0
        ? 'given up'
        : 'not solved yet';
  const extras = [
    part.hints > 0 ? plural(part.hints, 'hint') : '',
    part.invalid.count > 0 ? `${part.invalid.count} unreadable` : '',
  ].filter((text) => text !== '');
  return `  ${part.card} part ${part.part}: ${plural(part.attempts, 'answer')}, ${outcome}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
}

/** `/stats`: the user's own answers per card and part, and the wrong answers they sent more than once. */
export function formatStats(report: StatsReport, style: Style): string {
  if (report.parts.length === 0 && report.flashcards.length === 0) return 'No answers yet: /quiz starts one.';
  const lines = [style.bold('Your answers')];
  for (const part of report.parts) {
    lines.push(partLine(part));
    for (const group of part.wrongGroups.filter((g) => g.count > 1)) {
      lines.push(style.dim(`    ${group.count}× the same wrong answer: ${group.example}`));
    }
  }
  for (const card of report.flashcards) {
    const { again, hard, good, easy } = card.ratings;
    lines.push(`  ${card.card} (flashcard): again ${again}, hard ${hard}, good ${good}, easy ${easy}`);
  }
  return lines.join('\n');
}
