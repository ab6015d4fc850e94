/**
 * Render benchmark (`npm run bench:render`): ms per card image cold and warm, ms per read-back, and
 * the process's RSS after 1,000 renders. Goals: card ≤ 40 ms warm, read-back ≤ 10 ms, RSS ≤ 250 MB.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRenderer, type BarChart, type Renderer } from '../src/adapters/render/index.ts';

const SEEDS = fileURLToPath(new URL('../seeds/', import.meta.url));
const RENDERS = 1000;

function sections(text: string): { question: string; solution: string } {
  const question = /^# Question[ \t]*\n([\s\S]*?)(?=^---\s*$|^# Solution|(?![\s\S]))/m.exec(text)?.[1] ?? '';
  const solution = /^# Solution[ \t]*\n([\s\S]*)$/m.exec(text)?.[1] ?? '';
  return { question, solution };
}

const cards = readdirSync(SEEDS)
  .filter((f) => /\.(md|txt)$/.test(f))
  .sort()
  .map((f) => sections(readFileSync(SEEDS + f, 'utf8')));
const answers = [
  '(y - \\hat{y}) x_j',
  '\\frac{1}{1+e^{-w^\\top x}}',
  '(\\hat{y} - y)\\,\\mathbf{x}',
  '\\sigma(w^\\top x)\\left(1 - \\sigma(w^\\top x)\\right) x',
  '2 \\lambda w + (w^\\top x - y) x',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function must(result: Promise<{ ok: boolean }>): Promise<void> {
  if (!(await result).ok) throw new Error('render failed');
}

const startUp = performance.now();
// No PNG cache: every render below is a real one (the formula cache stays on, as in the bot).
const renderer: Renderer = await createRenderer({ pngCacheSize: 0 });
const startUpMs = performance.now() - startUp;
const rssStart = process.memoryUsage().rss;
const first = cards[0] ?? { question: 'x', solution: 'x' };
const coldMs = await time(() => must(renderer.renderCardPng(first.question, { theme: 'dark' })));

const questionMs: number[] = [];
const solutionMs: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const card of cards) {
    questionMs.push(await time(() => must(renderer.renderCardPng(card.question, { theme: 'dark' }))));
    solutionMs.push(await time(() => must(renderer.renderCardPng(card.solution, { theme: 'dark' }))));
  }
}
const firstCardMs: number[] = [];
for (let i = 0; i < 20; i++)
  firstCardMs.push(await time(() => must(renderer.renderCardPng(first.question, { theme: 'dark' }))));

const readBackMs: number[] = [];
for (let i = 0; i < 200; i++) {
  readBackMs.push(
    await time(() => must(renderer.renderTexPng(answers[i % answers.length] ?? 'x', { theme: 'dark' }))),
  );
}
// A new formula each time: MathJax typesets it too.
const newReadBackMs: number[] = [];
for (let i = 0; i < 200; i++) {
  newReadBackMs.push(
    await time(() => must(renderer.renderTexPng(`(y_{${i}} - \\hat{y}) x_{${i}}`, { theme: 'light' }))),
  );
}
// Analytics charts: ten cards' solve rates (prose labels), and wrong answers (typeset labels).
const rateChart = (i: number): BarChart => ({
  title: `Solve rate per card, week ${i}`,
  max: 1,
  bars: Array.from({ length: 10 }, (_, k) => ({
    label: { text: `Card ${k + 1}: logistic regression` },
    value: (k + 1) / 10,
    valueText: `${(k + 1) * 10}% of ${k + 10}`,
  })),
});
const wrongChart = (i: number): BarChart => ({
  title: `Wrong answers ${i}`,
  max: 9,
  bars: answers.map((tex, k) => ({
    label: { text: tex, tex },
    value: 9 - k,
    valueText: `${9 - k} · ${5 - k} students`,
  })),
});
const chartMs: number[] = [];
const wrongChartMs: number[] = [];
let chartBytes = 0;
for (let i = 0; i < 50; i++) {
  chartMs.push(
    await time(async () => {
      const chart = await renderer.renderChartPng(rateChart(i), { theme: 'dark' });
      chartBytes = chart.ok ? chart.value.png.length : NaN;
    }),
  );
  wrongChartMs.push(await time(() => must(renderer.renderChartPng(wrongChart(i), { theme: 'dark' }))));
}
const rssBefore = process.memoryUsage().rss;
for (let i = 0; i < RENDERS; i++) {
  const card = cards[i % cards.length] ?? first;
  const theme = i % 2 === 0 ? 'dark' : 'light';
  if (i % 4 === 3) await must(renderer.renderTexPng(`\\frac{${i}}{1+e^{-w^\\top x}}`, { theme }));
  else await must(renderer.renderCardPng(i % 4 === 1 ? card.solution : card.question, { theme }));
}
const rssAfter = process.memoryUsage().rss;
const heapAfter = process.memoryUsage().heapUsed;

// After the RSS figure: a second renderer is a second MathJax, which the bot never has.
const cachedRenderer = await createRenderer();
await must(cachedRenderer.renderCardPng(first.question, { theme: 'dark' }));
const cachedMs = await time(() => must(cachedRenderer.renderCardPng(first.question, { theme: 'dark' })));

console.log(`cards: ${cards.length} (questions and solutions, seeds/)`);
console.log(`start-up (MathJax + font files):  ${startUpMs.toFixed(0)} ms`);
console.log(`card image, cold (first render):  ${coldMs.toFixed(0)} ms`);
console.log(`first card question, warm:        ${median(firstCardMs).toFixed(1)} ms median`);
console.log(
  `question images, warm:            ${median(questionMs).toFixed(1)} ms median, ${Math.max(...questionMs).toFixed(0)} ms max`,
);
console.log(
  `solution images, warm:            ${median(solutionMs).toFixed(1)} ms median, ${Math.max(...solutionMs).toFixed(0)} ms max`,
);
console.log(`card image, PNG cache hit:        ${cachedMs.toFixed(2)} ms`);
console.log(`read-back, formula cached:        ${median(readBackMs).toFixed(1)} ms median`);
console.log(`read-back, new formula:           ${median(newReadBackMs).toFixed(1)} ms median`);
console.log(
  `chart, 10 cards' solve rates:     ${median(chartMs).toFixed(1)} ms median, ${(chartBytes / 1024).toFixed(0)} kB PNG`,
);
console.log(`chart, 5 typeset wrong answers:   ${median(wrongChartMs).toFixed(1)} ms median`);
console.log(
  `RSS start-up/before/after ${RENDERS} renders: ${mb(rssStart)} MB → ${mb(rssBefore)} MB → ${mb(rssAfter)} MB (JS heap ${mb(heapAfter)} MB)`,
);
