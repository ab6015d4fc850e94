/**
 * Issue 13's figures: grading answers to a two-layer card (∂ℓ/∂W₁, m, n ≤ 4 here, h ≤ 4), the
 * forward-mode reference for a matrix `wrt` against a hand-written backward pass, and `cards check`
 * of the whole bank measured inside the process (Node start-up and imports reported apart).
 *
 *   npx tsx bench/matrix.ts
 */
import { performance } from 'node:perf_hooks';

const startup = performance.now();
const { readFileSync } = await import('node:fs');
const { fileURLToPath } = await import('node:url');
const { parseCard } = await import('../src/core/cards/parseCard.ts');
const { findPart, gradeAgainst, preparePart } = await import('../src/core/grading/index.ts');
const { seededRng } = await import('../src/core/random/rng.ts');
const { loadSeeds } = await import('../src/adapters/seeds/loadSeeds.ts');
const { timeEach } = await import('./timeEach.ts');
const imports = performance.now() - startup;

const SEEDS = fileURLToPath(new URL('../seeds/', import.meta.url));
const FILE = '019_two-layer-tanh-hidden-weights.md';
const ANSWERS = 3000;

const parsed = parseCard(readFileSync(SEEDS + FILE, 'utf8'), FILE, '');
if (!parsed.ok || parsed.card.grading !== 'numeric') throw new Error(`${FILE} does not load`);
const card = parsed.card;
const part = findPart(card, '1');
if (part === undefined) throw new Error('no part 1');

// Unique answers of the shapes students send: right (several spellings), transposed, a dropped factor.
const templates = [
  (c: string) => `((W2' * delta2) .* (1 - a1 .^ 2)) * x' * ${c}`,
  (c: string) => `(W_2^T δ_2 ⊙ (1 - a_1.^2)) x^T / ${c}`,
  (c: string) => `(W2' * delta2) * x' * ${c}`,
  (c: string) => `x * ((W2' * delta2) .* (1 - a1 .^ 2))' * ${c}`,
  (c: string) => `((W2'*(yhat-y)) .* (1 - tanh(z1).^2)) * x' + ${c} * 0 * W1`,
];
const answers = Array.from({ length: ANSWERS }, (_, i) =>
  (templates[i % templates.length] as (c: string) => string)(String(1 + i / 1e4)),
);

const preparation = preparePart(card, part, seededRng(1));
if (!preparation.ok) throw new Error(preparation.reason);
const prepared = preparation.prepared;
for (let i = 0; i < 300; i++) gradeAgainst(prepared, `(W2' * delta2) * x' * ${2 + i}`);

console.log(
  `gradquiz matrix grading — ${card.id} part 1 (∂ℓ/∂W1, h×n ≤ 4×4), ${prepared.points.length} points\n`,
);
timeEach(
  'grade one answer (read, shapes, evaluate, compare, diagnose)',
  (i) => gradeAgainst(prepared, answers[i] as string),
  ANSWERS,
);
timeEach(
  'prepare the part (points + forward-mode reference)',
  (i) => preparePart(card, part, seededRng(i)),
  300,
);

// The reference at one point: forward mode runs the whole network once per entry of W1 (h·n passes);
// a hand-written backward pass is one forward and one backward sweep. The ratio is what reverse mode
// would save.
const tanhBackward = (W1: number[], b1: number[], W2: number[], b2: number[], x: number[], y: number[]) => {
  const h = b1.length;
  const n = x.length;
  const m = b2.length;
  const a1 = b1.map((b, i) => Math.tanh(x.reduce((s, xj, j) => s + (W1[i * n + j] as number) * xj, b)));
  const d2 = b2.map(
    (b, k) => a1.reduce((s, a, i) => s + (W2[k * h + i] as number) * a, b) - (y[k] as number),
  );
  const d1 = a1.map((a, i) => d2.reduce((s, d, k) => s + (W2[k * h + i] as number) * d, 0) * (1 - a * a));
  void m;
  return d1.flatMap((d) => x.map((xj) => d * xj));
};
timeEach(
  'hand-written backward pass at 20 points (reverse mode)',
  () => {
    for (const p of prepared.points) {
      const [, , , W1, b1, W2, b2, x, y] = p.values as number[][];
      tanhBackward(W1!, b1!, W2!, b2!, x!, y!);
    }
  },
  ANSWERS,
);

// cards check of the whole bank, inside the process: load (parse, prove written blocks, draft the rest).
const checkStart = performance.now();
const bank = await loadSeeds(SEEDS);
const check = performance.now() - checkStart;
console.log(
  `\ncards check of ${bank.files.length} seeds in process: ${check.toFixed(0)} ms (${bank.problems.length} problems); imports ${imports.toFixed(0)} ms apart`,
);
