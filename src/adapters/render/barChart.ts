/**
 * A horizontal bar chart as plain data: what an adapter hands the renderer (solve rate per card,
 * wrong-answer groups of one card). Labels come from cards and students, so they are capped here.
 */
export interface ChartLabel {
  /** Plain words: drawn when there is no TeX or MathJax refuses it, and read in the alt text. */
  readonly text: string;
  /** The label typeset (a student's answer read back), when there is one. */
  readonly tex?: string;
}

export interface ChartBar {
  readonly label: ChartLabel;
  /** Between 0 and the chart's `max`. */
  readonly value: number;
  /** Printed after the bar, e.g. `42% of 12`. */
  readonly valueText: string;
}

export interface BarChart {
  readonly title: string;
  /** The value of a full-width bar (1 for a rate, the largest count for counts). */
  readonly max: number;
  readonly bars: readonly ChartBar[];
  /** A line under the bars saying what they measure. */
  readonly caption?: string;
}

/** More bars would not be readable at Discord's embed width. */
export const MAX_CHART_BARS = 12;
/** A label's characters kept (a student's answer may be kilobytes). */
export const MAX_LABEL_LENGTH = 120;
