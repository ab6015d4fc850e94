import { MAX_ALT_TEXT_LENGTH } from './altText.ts';
import { MAX_CHART_BARS, type BarChart } from './barChart.ts';

/** A chart in words for screen readers: its title, then each bar's label and value, as drawn. */
export function chartAltText(chart: BarChart, maxLength = MAX_ALT_TEXT_LENGTH): string {
  const bars = chart.bars.slice(0, MAX_CHART_BARS).map((bar) => `${bar.label.text}: ${bar.valueText}`);
  const text = [`Bar chart: ${chart.title}.`, ...bars, chart.caption ?? '']
    .filter((l) => l !== '')
    .join('\n');
  return text.length <= maxLength ? text : text.slice(0, maxLength - 1).trimEnd() + '…';
}
