/**
 * Loading a deck of course notes without check blocks: 500 derivation cards in the first card's
 * style (several loss families, names and part layouts), drafted and proven at a cold load, then
 * taken from the memo at a warm one. Node's start-up and the imports are reported apart.
 *
 *   npm run bench:deck
 */
import { performance } from 'node:perf_hooks';

const startup = performance.now();
const { mkdtemp, readFile, rm, writeFile } = await import('node:fs/promises');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const { loadSeeds } = await import('../src/adapters/seeds/loadSeeds.ts');
const { fileMemoStore } = await import('../src/adapters/seeds/memoStore.ts');
const imports = performance.now() - startup;

const CARDS = 500;

/** The names a card's author may choose: weights, input, length, loss. */
interface Names {
  readonly w: string;
  readonly x: string;
  readonly n: string;
  readonly loss: string;
}

const NAME_SETS: readonly Names[] = [
  { w: 'w', x: 'x', n: 'n', loss: '\\ell' },
  { w: 'w', x: 'x', n: 'd', loss: 'L' },
  { w: 'v', x: 'u', n: 'n', loss: 'J' },
  { w: 'w', x: 'z', n: 'm', loss: 'E' },
];

const bold = (name: string) => `\\mathbf{${name}}`;

/** A card of one family with the chosen names: its question and solution. */
type Family = (k: Names) => { readonly question: string; readonly solution: string };

const FAMILIES: readonly Family[] = [
  ({ w, x, n, loss }) => ({
    question: `A linear model predicts $\\hat{y} = ${bold(w)}^\\top ${bold(x)}$ for $${bold(x)} \\in \\mathbb{R}^${n}$ and $y \\in \\mathbb{R}$:\n$$ ${loss}(${bold(w)}) = \\frac{1}{2}(\\hat{y} - y)^2 . $$\nDerive $\\nabla_{${bold(w)}} ${loss}$.`,
    solution: `By the chain rule\n$$ \\nabla_{${bold(w)}} ${loss} = (\\hat{y} - y)\\,${bold(x)} . $$`,
  }),
  ({ w, x, n, loss }) => ({
    question: `With labels $y \\in \\{-1, +1\\}$ and $${bold(x)}, ${bold(w)} \\in \\mathbb{R}^${n}$:\n$$ ${loss}(${bold(w)}) = \\log\\left(1 + \\exp(-y\\, ${bold(w)}^\\top ${bold(x)})\\right) . $$\nDerive the gradient with respect to $${bold(w)}$.`,
    solution: `Let $m = y\\,${bold(w)}^\\top ${bold(x)}$. Then\n$$ \\nabla ${loss}(${bold(w)}) = -\\sigma(-y\\,${bold(w)}^\\top ${bold(x)})\\, y\\, ${bold(x)} . $$`,
  }),
  ({ w, x, n, loss }) => ({
    question: `Poisson regression: counts $y \\in \\{0, 1, 2, \\dots\\}$, rate $\\mu = \\exp(${bold(w)}^\\top ${bold(x)})$, $${bold(x)} \\in \\mathbb{R}^${n}$,\n$$ ${loss}(${bold(w)}) = \\mu - y\\, ${bold(w)}^\\top ${bold(x)} . $$\nDerive $\\nabla_{${bold(w)}} ${loss}$.`,
    solution: `Since $\\partial \\mu / \\partial ${w}_j = \\mu ${x}_j$,\n$$ \\frac{\\partial ${loss}}{\\partial ${w}_j} = (\\mu - y)\\, ${x}_j . $$`,
  }),
  ({ w, x, n, loss }) => ({
    question: `Ridge regression with $\\lambda > 0$, $${bold(x)}, ${bold(w)} \\in \\mathbb{R}^${n}$, $y \\in \\mathbb{R}$:\n$$ ${loss}(${bold(w)}) = \\frac{1}{2}\\left(y - ${bold(w)}^\\top ${bold(x)}\\right)^2 + \\frac{\\lambda}{2} \\|${bold(w)}\\|^2 . $$\nFind $\\nabla ${loss}(${bold(w)})$.`,
    solution: `$$ \\nabla ${loss}(${bold(w)}) = (${bold(w)}^\\top ${bold(x)} - y)\\,${bold(x)} + \\lambda ${bold(w)} . $$`,
  }),
  ({ w, x, n, loss }) => ({
    question: `A logistic unit $\\hat{y} = \\sigma(${bold(w)}^\\top ${bold(x)} + b)$, $${bold(x)} \\in \\mathbb{R}^${n}$, $b \\in \\mathbb{R}$, $y \\in \\{0, 1\\}$:\n$$ ${loss} = -y \\log \\hat{y} - (1 - y)\\log(1 - \\hat{y}) . $$\n**(1)** Derive $\\nabla_{${bold(w)}} ${loss}$.\n**(2)** Derive $\\frac{\\partial ${loss}}{\\partial b}$.`,
    solution: `**(1)** $\\nabla_{${bold(w)}} ${loss} = (\\hat{y} - y)\\,${bold(x)}$.\n\n**(2)**\n$$ \\frac{\\partial ${loss}}{\\partial b} = \\hat{y} - y . $$`,
  }),
  ({ w, x, n, loss }) => ({
    question: `A tanh unit $h = \\tanh(s)$, $s = \\sum_{i=1}^${n} ${w}_i ${x}_i$, $y \\in [-1, 1]$, with $${loss} = \\frac{1}{2}(h - y)^2$.\n\n1. Derive $\\frac{\\partial ${loss}}{\\partial ${w}_j}$.\n2. Express the result in terms of $h$.`,
    solution: `1. $$ \\frac{\\partial ${loss}}{\\partial ${w}_j} = (\\tanh(s) - y)(1 - \\tanh(s)^2)\\, ${x}_j . $$\n2. $$ \\frac{\\partial ${loss}}{\\partial ${w}_j} = (h - y)(1 - h^2)\\, ${x}_j . $$`,
  }),
];

function card(i: number): string {
  const names = NAME_SETS[i % NAME_SETS.length] as Names;
  const family = FAMILIES[Math.floor(i / NAME_SETS.length) % FAMILIES.length] as Family;
  const { question, solution } = family(names);
  return `---\nid: bench_${i}\ncourse: Bench\ntags: [bench]\ndifficulty: ${1 + (i % 5)}\ntype: derivation\n---\n\n# Question\n(${i}p) ${question}\n\n# Solution\n${solution}\n`;
}

const dir = await mkdtemp(join(tmpdir(), 'gradquiz-bench-deck-'));
try {
  const first = await readFile(
    new URL('../tests/fixtures/deck/000_aa23e2add4713a5a.txt', import.meta.url),
    'utf8',
  );
  await writeFile(join(dir, '000_first.txt'), first);
  for (let i = 1; i < CARDS; i++) await writeFile(join(dir, `${String(i).padStart(3, '0')}.md`), card(i));
  const memo = fileMemoStore(join(dir, '.memo.json'), 'bench');

  let started = performance.now();
  const cold = await loadSeeds(dir, memo);
  const coldMs = performance.now() - started;
  started = performance.now();
  const warm = await loadSeeds(dir, memo);
  const warmMs = performance.now() - started;

  const drafted = cold.cards.filter((c) => c.check === 'drafted').length;
  const warmDrafted = warm.cards.filter((c) => c.check === 'drafted').length;
  const fallbacks = cold.problems.filter((p) => p.field === 'check');
  console.log(`node start-up to first line: ${startup.toFixed(0)} ms; imports: ${imports.toFixed(0)} ms`);
  console.log(
    `cold load (draft and prove): ${cold.cards.length} cards, ${drafted} drafted, ${coldMs.toFixed(0)} ms (target ≤ 5000)`,
  );
  console.log(
    `warm load (memo):            ${warm.cards.length} cards, ${warmDrafted} drafted, ${warmMs.toFixed(0)} ms (target ≤ 1000)`,
  );
  for (const p of fallbacks.slice(0, 5)) console.log(`  not drafted: ${p.file}: ${p.message}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
