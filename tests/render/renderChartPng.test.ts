import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chartAltText,
  createRenderer,
  MAX_CHART_BARS,
  type BarChart,
  type Renderer,
} from '../../src/adapters/render/index.ts';
import { layoutChart } from '../../src/adapters/render/layoutChart.ts';
import { createTexConverter } from '../../src/adapters/render/texConverter.ts';
import { createTextFont } from '../../src/adapters/render/textFont.ts';

let renderer: Renderer;
beforeAll(async () => {
  renderer = await createRenderer();
});

const BLURPLE = [0x58, 0x65, 0xf2];

async function pixels(chart: BarChart) {
  const result = await renderer.renderChartPng(chart, { theme: 'dark' });
  if (!result.ok) throw new Error(result.error.message);
  const { data, info } = await sharp(result.value.png)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const isBar = (x: number, y: number) => {
    const i = (y * info.width + x) * 3;
    return BLURPLE.every((c, k) => Math.abs((data[i + k] ?? 0) - c) < 8);
  };
  /** Per pixel row, how many bar-coloured pixels: the bars' lengths as drawn. */
  const barRows = Array.from({ length: info.height }, (_, y) => {
    let n = 0;
    for (let x = 0; x < info.width; x++) if (isBar(x, y)) n++;
    return n;
  });
  return { info, barRows };
}

/** The length in pixels of each bar, top to bottom. */
function barLengths(barRows: number[]): number[] {
  const lengths: number[] = [];
  let inBar = false;
  for (const n of barRows) {
    if (n > 0 && !inBar) lengths.push(n);
    inBar = n > 0;
  }
  return lengths;
}

const rates: BarChart = {
  title: 'Solve rate per card',
  max: 1,
  bars: [
    { label: { text: 'Logistic regression' }, value: 1, valueText: '100% of 4' },
    { label: { text: 'Squared loss' }, value: 0.5, valueText: '50% of 4' },
    { label: { text: 'Softmax' }, value: 0.25, valueText: '25% of 8' },
  ],
  caption: 'students who solved / students who tried',
};

describe('renderChartPng', () => {
  it('GIVEN three rates THEN a card-wide PNG whose bars are drawn in proportion, top to bottom', async () => {
    const { info, barRows } = await pixels(rates);
    expect(info.width).toBe(1200);
    const [full = 0, half = 0, quarter = 0] = barLengths(barRows);
    expect(barLengths(barRows)).toHaveLength(3);
    expect(half / full).toBeCloseTo(0.5, 1);
    expect(quarter / full).toBeCloseTo(0.25, 1);
  });

  it('GIVEN a value of 0 or beyond the scale THEN no bar, or a full one — never outside the track', async () => {
    const { barRows } = await pixels({
      ...rates,
      bars: [
        { label: { text: 'a' }, value: 3, valueText: 'more than all' },
        { label: { text: 'b' }, value: 0, valueText: 'none' },
        { label: { text: 'c' }, value: 1, valueText: 'all' },
      ],
    });
    const [over = 0, full = 0] = barLengths(barRows);
    expect(barLengths(barRows)).toHaveLength(2);
    expect(over).toBe(full);
  });

  it('GIVEN more bars THEN a taller image; beyond the cap, no taller', async () => {
    const many = (n: number): BarChart => ({
      ...rates,
      bars: Array.from({ length: n }, (_, i) => ({
        label: { text: `card ${i}` },
        value: 0.5,
        valueText: '50%',
      })),
    });
    const heightOf = async (n: number) => (await pixels(many(n))).info.height;
    const [two, six, cap, beyond] = await Promise.all(
      [2, 6, MAX_CHART_BARS, MAX_CHART_BARS + 20].map(heightOf),
    );
    expect(six).toBeGreaterThan(two ?? 0);
    expect(beyond).toBe(cap);
  });
});

describe('layoutChart', () => {
  it('GIVEN answers as labels THEN readable TeX is typeset, hostile text is escaped and long text is cut', async () => {
    const converter = await createTexConverter({});
    const font = createTextFont(converter.font);
    const layout = layoutChart(
      {
        title: 'Wrong answers',
        max: 3,
        bars: [
          { label: { text: '(yhat - y) x', tex: '(\\hat{y} - y)\\,x' }, value: 3, valueText: '3' },
          { label: { text: '<script>&"', tex: '\\notamacro{' }, value: 2, valueText: '2' },
          { label: { text: 'x'.repeat(5000) }, value: 1, valueText: '1' },
        ],
      },
      converter,
      font,
      1200 / 36,
    );
    // A MathJax formula is drawn y-up; only the readable TeX is one. The rest are glyph outlines.
    const formulas = layout.body.split('transform="scale(1,-1)"').length - 1;
    expect(formulas).toBe(1);
    expect(layout.body.includes('<script>')).toBe(false);
    expect(layout.body.length).toBeLessThan(200_000);
  });
});

describe('chartAltText', () => {
  it('GIVEN a chart THEN its title and every bar in words, as drawn', () => {
    expect(chartAltText(rates)).toBe(
      'Bar chart: Solve rate per card.\nLogistic regression: 100% of 4\nSquared loss: 50% of 4\n' +
        'Softmax: 25% of 8\nstudents who solved / students who tried',
    );
  });
});
