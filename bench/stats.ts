// `npm run bench:stats`: the instructor analytics on PostgreSQL after loading 1,000,000 attempts of
// 100,000 users in one server (scripts/seed-bench.ts: signatures, wrong-answer groups, invalid reasons,
// hint and give-up events): `stats` for the whole server and for one card (median of several runs), and
// `export attempts` of every row as CSV, streamed, with its peak RSS against the RSS at its start. The
// bench database `gradquiz_bench` is seeded first (`-- --reuse` measures the one `npm run bench:seed` left)
// and kept.
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';

import { writeTable } from '../src/adapters/export/writeTable.ts';
import { ATTEMPT_COLUMNS } from '../src/adapters/export/exportColumns.ts';
import { openDatabase, prismaStore } from '../src/adapters/store/index.ts';
import { exportAttempts, stats, type StatsInput } from '../src/app/index.ts';
import { createAppContext } from '../src/main/appContext.ts';
import { adminUrlOrExit, BENCH_GUILD, benchUrl, seedBench } from '../scripts/seed-bench.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const adminUrl = adminUrlOrExit();
let url = benchUrl(adminUrl);
if (process.argv.includes('--reuse')) {
  console.log('reusing gradquiz_bench');
} else {
  console.log('seeding gradquiz_bench: 100,000 users, 1,000,000 attempts …');
  url = await seedBench(adminUrl, { log: console.log });
}

const db = await openDatabase({ kind: 'postgres', url });
const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
try {
  const app = createAppContext(
    { GRADQUIZ_ANSWERS_PER_MINUTE: 6 },
    { store: (deps) => prismaStore(db, deps), catalog: { get: () => undefined, all: () => [] } },
  );
  const timed = async (label: string, input: StatsInput, bound: number) => {
    await stats(app, input);
    const times: number[] = [];
    let parts = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const result = await stats(app, input);
      times.push(performance.now() - start);
      if (result.kind === 'stats') parts = result.report.parts.length;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] as number;
    console.log(
      `${label.padEnd(36)} median ${median.toFixed(0).padStart(5)} ms  (max ${(times.at(-1) as number).toFixed(0)} ms, ${parts} parts)  bound ${bound} ms: ${(median / bound).toFixed(2)}×`,
    );
  };
  await timed('stats, one server, all time', { guildId: BENCH_GUILD }, 1000);
  await timed('stats, one server, this month', { guildId: BENCH_GUILD, period: 'month' }, 1000);
  await timed('stats, one card, all time', { guildId: BENCH_GUILD, cardId: 'bench007' }, 200);

  const exported = await exportAttempts(app, { guildId: BENCH_GUILD });
  if (exported.kind !== 'rows') throw new Error(exported.kind);
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  let rows = 0;
  // RSS after each quarter of the rows: flat means it stops growing, whatever the number of rows.
  const quarters: string[] = [];
  async function* counted() {
    for await (const row of exported.kind === 'rows' ? exported.rows : []) {
      rows++;
      if (rows % 250_000 === 0) quarters.push(megabytes(process.memoryUsage.rss()));
      yield row;
    }
  }
  const rssAtStart = process.memoryUsage.rss();
  let peak = rssAtStart;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const start = performance.now();
  await writeTable(counted(), ATTEMPT_COLUMNS, 'csv', sink);
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  console.log(
    `export attempts, CSV: ${rows} rows, ${megabytes(bytes)} in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s; bound 15 s: ${(seconds / 15).toFixed(2)}×); RSS ${megabytes(rssAtStart)} at start, ${megabytes(peak)} at peak (+${megabytes(peak - rssAtStart)}); after each 250,000 rows: ${quarters.join(', ')}`,
  );
} finally {
  await db.close();
}
