// `npm run bench:leaderboard`: the `leaderboard` use case (top 10 and the caller's own rank) on PostgreSQL
// after loading 1,000,000 attempts from 100,000 users (scripts/seed-bench.ts), p50/p95 for each period
// (week, month, all) and scope (server, channel), each call by a random user. The bench database
// `gradquiz_bench` is seeded first and dropped at the end; `-- --keep` keeps it, `-- --reuse` measures
// the one a previous `--keep` (or `npm run bench:seed`) left.
import { performance } from 'node:perf_hooks';

import pg from 'pg';

import { openDatabase, prismaStore } from '../src/adapters/store/index.ts';
import { leaderboard, type LeaderboardScope } from '../src/app/index.ts';
import { createAppContext } from '../src/main/appContext.ts';
import type { LeaderboardPeriod } from '../src/core/scoring/index.ts';
import { seededRng } from '../src/core/random/rng.ts';
import { fakeGrader } from '../tests/support/fakeCards.ts';
import {
  adminUrlOrExit,
  BENCH_GUILD,
  benchUrl,
  dropBenchDatabase,
  seedBench,
} from '../scripts/seed-bench.ts';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 200);
const USERS = 100_000;
const keep = process.argv.includes('--keep');
const reuse = process.argv.includes('--reuse');

const adminUrl = adminUrlOrExit();

let url = benchUrl(adminUrl);
if (reuse) {
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  const { rows } = await check.query<{ n: number }>('SELECT count(*)::int AS n FROM "Attempt"');
  await check.end();
  console.log(`reusing gradquiz_bench: ${rows[0]?.n ?? 0} attempts`);
} else {
  console.log('seeding gradquiz_bench: 100,000 users, 1,000,000 attempts …');
  const start = performance.now();
  url = await seedBench(adminUrl, { log: console.log });
  console.log(`seeded in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

const db = await openDatabase({ kind: 'postgres', url });
try {
  const ctx = createAppContext(
    { GRADQUIZ_ANSWERS_PER_MINUTE: 6 },
    {
      store: (deps) => prismaStore(db, deps),
      catalog: { get: () => undefined, all: () => [] },
      rng: seededRng(3),
      grade: fakeGrader,
    },
  );
  const rng = seededRng(11);
  const periods: LeaderboardPeriod[] = ['week', 'month', 'all'];
  const scopes: LeaderboardScope[] = ['server', 'channel'];
  // Warm up the pool and the caches once.
  for (const period of periods) {
    for (const scope of scopes) {
      await leaderboard(ctx, { guildId: BENCH_GUILD, channelId: 'ch0', userId: 'user1', period, scope });
    }
  }
  for (const period of periods) {
    for (const scope of scopes) {
      const latencies: number[] = [];
      let ranked = 0;
      for (let i = 0; i < CALLS; i++) {
        const userId = `user${Math.floor(rng() * USERS)}`;
        const channelId = `ch${Math.floor(rng() * 10)}`;
        const start = performance.now();
        const result = await leaderboard(ctx, { guildId: BENCH_GUILD, channelId, userId, period, scope });
        latencies.push(performance.now() - start);
        if (result.me) ranked++;
      }
      latencies.sort((a, b) => a - b);
      const at = (q: number) =>
        latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
      console.log(
        `${period.padEnd(5)} ${scope.padEnd(7)}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms ` +
          `(${CALLS} calls, ${ranked} callers ranked)`,
      );
    }
  }
} finally {
  await db.close();
  if (!keep && !reuse) await dropBenchDatabase(adminUrl);
}
