import type { PartStats, StatsReport } from '../../../app/index.ts';
import type { Card } from '../../../core/cards/card.ts';
import { readBackTex } from '../../../core/cards/readBackTex.ts';
import { MAX_CHART_BARS, type BarChart } from '../../render/index.ts';
import { plural } from '../../text/plural.ts';
import { percentOf } from '../messages.ts';

/** Parts students answered, hardest first: the lowest solve rate, then the most students. */
export function hardestParts(report: StatsReport): PartStats[] {
  return report.parts
    .filter((part) => part.solveRate !== null)
    .sort((a, b) => (a.solveRate ?? 0) - (b.solveRate ?? 0) || b.users - a.users);
}

/** The chart of a server's stats: solve rate per part, hardest first. */
export function solveRateChart(report: StatsReport, title: string): BarChart {
  return {
    title,
    max: 1,
    bars: hardestParts(report)
      .slice(0, MAX_CHART_BARS)
      .map((part) => ({
        label: { text: `${part.card} · part ${part.part}` },
        value: part.solveRate ?? 0,
        valueText: `${percentOf(part.solveRate)} of ${part.users}`,
      })),
    caption: 'solve rate: students who solved the part / students who answered it',
  };
}

/** The chart of one card's stats: its wrong-answer groups as bars, each answer typeset. */
export function wrongAnswersChart(report: StatsReport, card: Card, title: string): BarChart {
  const several = new Set(report.parts.map((part) => part.part)).size > 1;
  const groups = report.parts
    .flatMap((part) => part.wrongGroups.map((group) => ({ part: part.part, group })))
    .sort((a, b) => b.group.count - a.group.count)
    .slice(0, MAX_CHART_BARS);
  return {
    title,
    max: Math.max(1, ...groups.map(({ group }) => group.count)),
    bars: groups.map(({ part, group }) => {
      const tex = readBackTex(card, group.example);
      const prefix = several ? `${part}: ` : '';
      return {
        label: {
          text: `${prefix}${group.example}`,
          ...(tex !== undefined ? { tex: several ? `\\text{${part}: }${tex}` : tex } : {}),
        },
        value: group.count,
        valueText: `${group.count} · ${plural(group.users, 'student')}`,
      };
    }),
    caption: 'grouped by their values at fixed points, however they were written',
  };
}

/** The chart of a flashcard: how students rated their recall. */
export function ratingsChart(
  spread: Readonly<Record<'again' | 'hard' | 'good' | 'easy', number>>,
  title: string,
): BarChart {
  const entries = Object.entries(spread);
  return {
    title,
    max: Math.max(1, ...entries.map(([, count]) => count)),
    bars: entries.map(([rating, count]) => ({
      label: { text: rating },
      value: count,
      valueText: plural(count, 'rating'),
    })),
    caption: 'self-ratings after revealing the solution',
  };
}
