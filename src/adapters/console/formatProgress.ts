import type { ProgressReport } from '../../app/index.ts';
import type { Style } from './style.ts';
import { plural } from '../text/plural.ts';

const list = (ids: readonly string[]) => (ids.length === 0 ? 'none' : ids.join(', '));

/** `/progress`: solved and started cards, attempts, streak, reviews due, and the tags worked on. */
export function formatProgress(report: ProgressReport, style: Style): string {
  const lines = [
    style.bold(`Progress of ${report.displayName ?? report.userId}`),
    `  solved cards: ${report.solvedCards.length}${report.solvedCards.length > 0 ? ` (${list(report.solvedCards)})` : ''}`,
    `  started: ${list(report.startedCards)}`,
    `  attempts: ${report.attempts} · streak: ${plural(report.streak, 'day')} · reviews due: ${report.reviewsDue}`,
  ];
  const worked = report.tags.filter((tag) => tag.solved > 0);
  if (worked.length > 0) {
    const width = Math.max(...worked.map((tag) => tag.tag.length));
    lines.push('  by tag:');
    for (const tag of worked) {
      lines.push(
        `    ${tag.tag.padEnd(width)}  ${tag.solved} of ${tag.parts} parts solved, ${tag.mastered} mastered`,
      );
    }
  }
  if (report.reviewsDue > 0) lines.push(style.dim('/review starts the card that is due the longest.'));
  return lines.join('\n');
}
