import type { LeaderboardResult } from '../../app/index.ts';
import { localDate } from '../../core/scoring/index.ts';
import type { Style } from './style.ts';
import { plural } from '../text/plural.ts';

const points = (n: number) => plural(n, 'point');

function describePeriod(result: LeaderboardResult): string {
  const since = result.range.start
    ? ` (since ${localDate(result.range.start, result.timeZone)}, ${result.timeZone})`
    : '';
  return result.period === 'all' ? 'all time' : `this ${result.period}${since}`;
}

/** `/leaderboard`: the top 10 of the period, the caller marked, and their rank when below. */
export function formatLeaderboard(result: LeaderboardResult, userId: string, style: Style): string {
  const title = `Leaderboard, ${describePeriod(result)}${result.scope === 'channel' ? ', this channel' : ''}`;
  const lines = [style.bold(title)];
  if (result.top.length === 0) {
    const when = result.period === 'all' ? '' : ` this ${result.period}`;
    lines.push(`  No points yet${when}: solve a part of a /quiz to get on the board.`);
    return lines.join('\n');
  }
  const width = Math.max(...result.top.map((row) => row.displayName.length));
  for (const row of result.top) {
    const line = `  ${String(row.rank).padStart(2)}. ${row.displayName.padEnd(width)}  ${points(row.points)}`;
    lines.push(row.userId === userId ? style.bold(`${line}  ← you`) : line);
  }
  if (result.me && !result.top.some((row) => row.userId === userId)) {
    lines.push(`  You: #${result.me.rank} with ${points(result.me.points)}.`);
  } else if (!result.me) {
    lines.push(style.dim('  You have no points in this period yet.'));
  }
  return lines.join('\n');
}
