/**
 * The batch path end to end: `gradquiz grade --batch - --json` on unique answers, start-up
 * excluded (a run of 1 line is subtracted from a run of N lines).
 *
 *   npm run bench
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/gradquiz.mjs', import.meta.url));
const N = 20000;

function run(lines: number): number {
  const input = Array.from({ length: lines }, (_, i) =>
    JSON.stringify({
      card: 'ssu_batch6_005',
      part: i % 2 === 0 ? '1' : '2',
      answer: `(y - \\hat y) x_j * ${1 + i / 1e5}`,
    }),
  ).join('\n');
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [BIN, 'grade', '--batch', '-', '--json', '--seed', '1'], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const out = result.stdout.trim().split('\n');
  if (result.status !== 0 || out.length !== lines) throw new Error(`batch failed: ${result.stderr}`);
  return ms;
}

const best = (lines: number) => Math.min(run(lines), run(lines), run(lines));
const startup = best(1);
const full = best(N);
console.log(
  `gradquiz grade --batch: start-up ${startup.toFixed(0)} ms; ${N} unique answers ${full.toFixed(0)} ms`,
);
console.log(`per answer, start-up excluded: ${(((full - startup) / (N - 1)) * 1000).toFixed(1)} µs`);
