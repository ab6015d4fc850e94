import { performance } from 'node:perf_hooks';

/** Runs `run` `count` times and prints the median, p99 and mean in µs; returns the sorted samples. */
export function timeEach(label: string, run: (i: number) => void, count: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    run(i);
    samples.push((performance.now() - start) * 1000);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] as number;
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  console.log(
    `${label.padEnd(46)} median ${at(0.5).toFixed(1).padStart(7)} µs   p99 ${at(0.99).toFixed(1).padStart(7)} µs   mean ${mean.toFixed(1).padStart(7)} µs`,
  );
  return samples;
}
