/**
 * The grader's cost per answer, on unique answers so that nothing is cached, against a
 * hand-written TypeScript gradient on the same points (the physical limit).
 *
 *   npm run bench
 */
import { readFileSync } from 'node:fs';
import { parseCard } from '../src/core/cards/parseCard.ts';
import { sigmoid } from '../src/core/expr/algebra.ts';
import { findPart, gradeAgainst, preparePart } from '../src/core/grading/index.ts';
import { signAnswer } from '../src/core/grading/signature.ts';
import { isClose } from '../src/core/grading/tolerance.ts';
import { seededRng } from '../src/core/random/rng.ts';
import { nestedSums } from '../tests/helpers/hostileInputs.ts';
import { timeEach } from './timeEach.ts';

const ANSWERS = 5000;
const text = readFileSync(new URL('../seeds/000_aa23e2add4713a5a.txt', import.meta.url), 'utf8');
const parsed = parseCard(text, '000_aa23e2add4713a5a.txt', '');
if (!parsed.ok || parsed.card.grading !== 'numeric') throw new Error('the first card does not load');
const card = parsed.card;
const part = findPart(card, '1');
if (part === undefined) throw new Error('no part 1');

// Unique answers of the shapes students send: right, wrong, other sign, LaTeX, component form.
const templates = [
  (c: string) => `(y - yhat) * x * ${c}`,
  (c: string) => `(y-\\hat{y})\\mathbf{x} + ${c} * 0 * x`,
  (c: string) => `(ŷ - y)·x_j * ${c}`,
  (c: string) => `(y - sigma(w^T x)) x / ${c}`,
  (c: string) => `(y - yhat) * yhat * (1 - yhat) * x + ${c} * x`,
];
const answers = Array.from({ length: ANSWERS }, (_, i) =>
  (templates[i % templates.length] as (c: string) => string)(String(1 + i / 1e4)),
);

const preparation = preparePart(card, part, seededRng(1));
if (!preparation.ok) throw new Error(preparation.reason);
const prepared = preparation.prepared;

// Warm up the JIT on other answers, so that the figures are steady-state.
for (let i = 0; i < 500; i++) gradeAgainst(prepared, `(y - yhat) * x * ${2 + i}`);

console.log(
  `gradquiz grader — ${ANSWERS} unique answers to ${card.id} part 1, ${prepared.points.length} points each\n`,
);
const prepare = timeEach(
  'prepare a part (points + reference)',
  (i) => preparePart(card, part, seededRng(i)),
  500,
);
const grader = timeEach(
  'grade one answer (read, check, evaluate)',
  (i) => gradeAgainst(prepared, answers[i] as string),
  ANSWERS,
);

// The physical limit: a hand-written gradient compared on the same points.
const handWritten = (w: number[], x: number[], y: number) => {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += (w[i] as number) * (x[i] as number);
  const r = y - sigmoid(s);
  return x.map((xi) => r * xi);
};
const hand = timeEach(
  'hand-written TS gradient, same points + compare',
  () => {
    for (const p of prepared.points) {
      const [, w, x, y] = p.values as [number, number[], number[], number];
      isClose(handWritten(w, x, y), p.reference);
    }
  },
  ANSWERS,
);
const median = (s: number[]) => s[Math.floor(s.length / 2)] as number;

// The signature stored with every answer (analytics' wrong-answer groups): read, checked, evaluated at
// the part's few fixed points and hashed, once per answer at record time.
signAnswer(card, part, answers[0] as string);
const signature = timeEach(
  'signature of one answer (read, 6 points, hash)',
  (i) => signAnswer(card, part, answers[i] as string),
  ANSWERS,
);

// Diagnosis runs only for incorrect answers; its cost is measured on wrong answers that match no
// pattern (the slowest case: every pattern is tried), against the same grading without it.
const wrong = answers.map((_, i) => `(y - yhat) .^ 3 .* x * ${1 + i / 1e4}`);
gradeAgainst(prepared, wrong[0] as string);
const plain = timeEach(
  'wrong answer, diagnosis off',
  (i) => gradeAgainst(prepared, wrong[i] as string, { diagnose: false }),
  ANSWERS,
);
const diagnosed = timeEach(
  'wrong answer, diagnosis on (no pattern matches)',
  (i) => gradeAgainst(prepared, wrong[i] as string),
  ANSWERS,
);
// Issue 10: 18 nested sums would run for ages; the cost check refuses it before anything is evaluated.
const hostile = nestedSums(18);
const cpuBefore = process.cpuUsage();
const nested = timeEach(
  '18 nested sums (refused: too much work)',
  () => gradeAgainst(prepared, hostile),
  500,
);
// CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
const cpu = process.cpuUsage(cpuBefore);
const nestedCpuMs = (cpu.user + cpu.system) / 1000 / nested.length;
console.log(`\nratio grader / hand-written (median): ${(median(grader) / median(hand)).toFixed(1)}×`);
console.log(
  `signature: ${median(signature).toFixed(1)} µs per answer (median), ${(median(signature) / median(grader)).toFixed(2)}× one grading`,
);
console.log(
  `preparing a part costs ${(median(prepare) / median(grader)).toFixed(1)}× one grading; a batch pays it once per part`,
);
console.log(
  `18 nested sums: ${gradeAgainst(prepared, hostile).verdict} in ${(median(nested) / 1000).toFixed(2)} ms (median), ${((nested[Math.floor(nested.length * 0.99)] as number) / 1000).toFixed(2)} ms p99 wall, ${nestedCpuMs.toFixed(2)} ms CPU on average`,
);
console.log(
  `diagnosis adds ${((median(diagnosed) / median(plain) - 1) * 100).toFixed(0)}% to grading a wrong answer (${(median(diagnosed) / median(plain)).toFixed(2)}× in all)`,
);
