import { MAX_CHART_BARS, MAX_LABEL_LENGTH, type BarChart, type ChartLabel } from './barChart.ts';
import type { PageLayout } from './layoutPage.ts';
import type { MathBox, TexConverter } from './texConverter.ts';
import type { TextFont, TextStyle } from './textFont.ts';
import { textRun, type TextRun } from './textRun.ts';

// In thousandths of an em, like a card page (36 px per em at 1200 px).
const MARGIN_X = 1100;
const MARGIN_Y = 800;
const TITLE_SCALE = 1.18;
const ROW_HEIGHT = 1900;
const BAR_THICKNESS = 1100;
const GAP = 500;
/** Labels take at most this share of the width inside the margins. */
const LABEL_SHARE = 0.42;
/** Values take at most this share (they are short: `42% of 12`). */
const VALUE_SHARE = 0.3;
/** Typeset labels shrink to fit a row, but not below this. */
const MIN_MATH_SCALE = 0.55;
/** Discord's blurple reads on both the dark and the light theme. */
const BAR_FILL = '#5865f2';

const r = (n: number) => Math.round(n);

interface Drawn {
  readonly width: number;
  draw(x: number, baseline: number): string;
}

function textDrawn(run: TextRun, className?: string, scale = 1): Drawn {
  return {
    width: run.width * scale,
    draw: (x, baseline) => {
      const inner = `<path d="${run.outline(0, 0)}"/>${run.fallback(0, 0)}`;
      const cls = className ? ` class="${className}"` : '';
      return `<g${cls} transform="translate(${r(x)},${r(baseline)}) scale(${scale})">${inner}</g>`;
    },
  };
}

/** Cuts text with an ellipsis so it fits `width`. */
function fitText(font: TextFont, text: string, style: TextStyle, width: number): TextRun {
  const whole = textRun(font, text, style);
  if (whole.width <= width) return whole;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textRun(font, chars.slice(0, mid).join('') + '…', style).width <= width) low = mid;
    else high = mid - 1;
  }
  return textRun(font, chars.slice(0, low).join('').trimEnd() + '…', style);
}

function mathDrawn(math: MathBox, scale: number): Drawn {
  return {
    width: math.width * scale,
    draw: (x, baseline) =>
      `<g transform="translate(${r(x)},${r(baseline)}) scale(${+scale.toFixed(4)})">${math.svg}</g>`,
  };
}

/** A label typeset when it has TeX that fits the row, in words otherwise. */
function labelDrawn(
  label: ChartLabel,
  converter: Pick<TexConverter, 'convert'>,
  font: TextFont,
  width: number,
): Drawn {
  if (label.tex !== undefined && label.tex.length <= MAX_LABEL_LENGTH) {
    const math = converter.convert(label.tex, false);
    if (math.ok) {
      const total = math.value.height + math.value.depth;
      const scale = Math.min(1, width / math.value.width, (ROW_HEIGHT - 200) / Math.max(total, 1));
      if (scale >= MIN_MATH_SCALE) return mathDrawn(math.value, scale);
    }
  }
  return textDrawn(fitText(font, label.text.slice(0, MAX_LABEL_LENGTH), 'normal', width));
}

/**
 * Lays a bar chart out on a page `widthEm` wide: the title, one row per bar (label, a muted track
 * for the full scale, the bar, its value), then the caption. Text is set in the card's prose font
 * and answers are typeset by MathJax, so a chart looks like the cards beside it.
 */
export function layoutChart(
  chart: BarChart,
  converter: Pick<TexConverter, 'convert'>,
  font: TextFont,
  widthEm: number,
): PageLayout {
  const width = widthEm * 1000;
  const inner = width - 2 * MARGIN_X;
  const bars = chart.bars.slice(0, MAX_CHART_BARS);
  const labelWidth = inner * LABEL_SHARE;
  const labels = bars.map((bar) => labelDrawn(bar.label, converter, font, labelWidth));
  const labelColumn = Math.max(0, ...labels.map((l) => l.width));
  const values = bars.map((bar) => fitText(font, bar.valueText, 'normal', inner * VALUE_SHARE));
  const valueColumn = Math.max(0, ...values.map((v) => v.width));
  const barX = MARGIN_X + labelColumn + GAP;
  const barSpan = Math.max(1000, width - MARGIN_X - valueColumn - GAP - barX);

  const parts: string[] = [];
  const titleRun = fitText(font, chart.title, 'bold', inner / TITLE_SCALE);
  let y = MARGIN_Y + 1000 * TITLE_SCALE;
  parts.push(textDrawn(titleRun, 'head', TITLE_SCALE).draw(MARGIN_X, y));
  y += 700;

  bars.forEach((bar, i) => {
    const top = y + i * ROW_HEIGHT + (ROW_HEIGHT - BAR_THICKNESS) / 2;
    const baseline = top + BAR_THICKNESS / 2 + 330;
    const label = labels[i];
    if (label) parts.push(label.draw(MARGIN_X + labelColumn - label.width, baseline));
    const share = chart.max > 0 ? Math.min(1, Math.max(0, bar.value / chart.max)) : 0;
    const length = share * barSpan;
    parts.push(
      `<rect class="muted" opacity="0.25" x="${r(barX)}" y="${r(top)}" width="${r(barSpan)}" height="${BAR_THICKNESS}"/>`,
      `<rect fill="${BAR_FILL}" x="${r(barX)}" y="${r(top)}" width="${r(length)}" height="${BAR_THICKNESS}"/>`,
    );
    const value = values[i];
    if (value) parts.push(textDrawn(value).draw(barX + barSpan + GAP, baseline));
  });
  y += bars.length * ROW_HEIGHT;

  if (chart.caption) {
    y += 800;
    const caption = fitText(font, chart.caption, 'italic', inner / 0.85);
    parts.push(textDrawn(caption, undefined, 0.85).draw(MARGIN_X, y));
  }
  return { body: parts.join(''), width, height: y + MARGIN_Y };
}
