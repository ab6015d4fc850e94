// `npm run bench:seed`: (re)creates the PostgreSQL database `gradquiz_bench` next to the one DATABASE_URL
// names, applies the migrations and loads, in SQL (`INSERT … SELECT … FROM generate_series`), 100,000
// users and 1,000,000 attempts in one guild (10 channels, 50 cards, the last 90 days), with the points
// ledger, the all-time totals and the week and month totals that the first solves among them earn; the
// attempts' signatures (12 wrong-answer groups per card, a few much more frequent than the rest, each
// written 3 ways), invalid reasons, and a hint or give-up event for about one attempt in four. The database is kept; `npm run
// bench:leaderboard` seeds it itself and drops it when done.
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

import pg from 'pg';

import { openDatabase } from '../src/adapters/store/index.ts';
import { loadConfig } from '../src/config.ts';

export const BENCH_DATABASE = 'gradquiz_bench';
export const BENCH_GUILD = 'bench';

export interface SeedOptions {
  readonly users?: number;
  readonly attempts?: number;
  readonly days?: number;
  readonly channels?: number;
  readonly cards?: number;
  /** The seed's "now": attempts fall in the `days` before it. */
  readonly now?: Date;
  readonly log?: (line: string) => void;
}

/** The URL of the bench database, on the server (and with the credentials) of `adminUrl`. */
export function benchUrl(adminUrl: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

async function onServer(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function dropBenchDatabase(adminUrl: string): Promise<void> {
  await onServer(adminUrl, `DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`);
}

/** Recreates and fills the bench database; returns its URL. */
export async function seedBench(adminUrl: string, options: SeedOptions = {}): Promise<string> {
  const users = options.users ?? 100_000;
  const attempts = options.attempts ?? 1_000_000;
  const days = options.days ?? 90;
  const channels = options.channels ?? 10;
  const cards = options.cards ?? 50;
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const perUser = Math.ceil(attempts / users);
  if (perUser > cards) throw new Error('each user answers each card at most once: raise `cards`');

  await dropBenchDatabase(adminUrl);
  await onServer(adminUrl, `CREATE DATABASE "${BENCH_DATABASE}"`);
  const url = benchUrl(adminUrl);
  const db = await openDatabase({ kind: 'postgres', url });
  await db.close();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (label: string, sql: string, values: unknown[] = []) => {
    const start = performance.now();
    const result = await client.query(sql, values);
    log(`  ${label}: ${result.rowCount ?? 0} rows, ${((performance.now() - start) / 1000).toFixed(1)} s`);
  };
  try {
    // Timestamps are UTC wall times in `timestamp(3)` columns, as the application writes them.
    await client.query(`SET TIME ZONE 'UTC'`);
    await step('guild', `INSERT INTO "Guild" (id, "timeZone") VALUES ($1, 'Europe/Paris')`, [BENCH_GUILD]);
    await step(
      'cards',
      `INSERT INTO "Card" (id, file, "contentHash", title, course, tags, difficulty, "updatedAt")
       SELECT 'bench' || lpad(c::text, 3, '0'), 'bench.md', md5(c::text), 'Card ' || c, 'Bench', '{}',
              1 + c % 5, $1::timestamptz
       FROM generate_series(0, $2::int - 1) c`,
      [now, cards],
    );
    // One user in a hundred has left the leaderboards.
    await step(
      'users',
      `INSERT INTO "User" (id, "displayName", "leaderboardOptOut")
       SELECT 'user' || u, 'User ' || u, u % 100 = 42 FROM generate_series(0, $1::int - 1) u`,
      [users],
    );
    // Attempt i is user i % users's (i / users)-th answer, on a card of their own sequence (so each of a
    // user's answers is on a different card). About 40 % are correct first solves, worth
    // 10 × difficulty less 20 % per incorrect answer before (always 0 or 1 here); the rest are
    // incorrect, invalid or not simplified.
    await step(
      'attempts',
      `INSERT INTO "Attempt" (id, "externalId", verdict, input, "cardId", part, "userId", "createdAt",
                              "guildId", "channelId", points, feedback, signature, mistake, "solveTries")
       SELECT md5('attempt' || i)::uuid::text, 'bench:' || i, v.verdict,
              CASE v.verdict WHEN 'correct' THEN '(y - yhat) * x' WHEN 'invalid' THEN '((('
                ELSE 'wrong ' || w.grp || ' written ' || (h.hashint / 720 % 3) END,
              v."cardId", '1', 'user' || v.u,
              ($1::timestamptz - (random() * $2::int * interval '1 day')) AT TIME ZONE 'UTC',
              $3, 'ch' || (hashint % $4::int),
              CASE WHEN v.verdict = 'correct' THEN 10 * (1 + v.card % 5) * (CASE WHEN hashint % 3 = 0 THEN 8 ELSE 10 END) / 10 ELSE 0 END,
              CASE WHEN v.verdict = 'invalid' THEN 'could not read it: reason ' || (h.hashint / 5 % 4) ELSE '' END,
              CASE WHEN v.verdict = 'invalid' THEN NULL
                   ELSE substr(md5(v."cardId" || ':' || v.verdict || ':' || w.grp), 1, 16) END,
              CASE WHEN v.verdict = 'incorrect' AND w.grp % 3 = 0 THEN 'sign' END,
              CASE WHEN v.verdict = 'correct' THEN CASE WHEN hashint % 3 = 0 THEN 2 ELSE 1 END END
       FROM generate_series(0, $5::int - 1) i
       CROSS JOIN LATERAL (SELECT abs(hashtext(i::text)) AS hashint) h
       -- 12 wrong-answer groups, skewed: group 11 is 23 times as frequent as group 0.
       CROSS JOIN LATERAL (SELECT floor(sqrt(h.hashint / 5 % 144))::int AS grp) w
       CROSS JOIN LATERAL (
         SELECT i % $6::int AS u,
                ((i % $6::int) * 7 + i / $6::int) % $7::int AS card,
                'bench' || lpad((((i % $6::int) * 7 + i / $6::int) % $7::int)::text, 3, '0') AS "cardId",
                (ARRAY['correct', 'correct', 'incorrect', 'incorrect', 'invalid'])[1 + h.hashint % 5] AS verdict
       ) v`,
      [now, days, BENCH_GUILD, channels, attempts, users, cards],
    );
    // About one attempt in four comes with a hint taken (one in twenty with a give-up instead), at its time.
    await step(
      'hint and give-up events',
      `INSERT INTO "StudyEvent" (kind, "userId", "guildId", "channelId", "cardId", part, "createdAt")
       SELECT CASE WHEN abs(hashtext(id)) % 20 = 0 THEN 'give_up' ELSE 'hint' END,
              "userId", "guildId", "channelId", "cardId", part, "createdAt"
       FROM "Attempt" WHERE abs(hashtext(id)) % 4 = 0`,
    );
    // The ledger's trigger keeps the week and month totals row by row; in bulk, one rebuild is faster.
    await client.query('ALTER TABLE "PointsEntry" DISABLE TRIGGER "PointsEntry_period_scores"');
    await step(
      'points ledger',
      `INSERT INTO "PointsEntry" ("attemptId", "guildId", "channelId", "userId", points, "createdAt")
       SELECT id, "guildId", "channelId", "userId", points, "createdAt" FROM "Attempt" WHERE points > 0`,
    );
    await step(
      'all-time totals',
      `INSERT INTO "ScoreTotal" ("guildId", "channelId", "userId", points)
       SELECT "guildId", '', "userId", sum(points) FROM "PointsEntry" GROUP BY "guildId", "userId"
       UNION ALL
       SELECT "guildId", "channelId", "userId", sum(points) FROM "PointsEntry" GROUP BY "guildId", "channelId", "userId"`,
    );
    await client.query('ALTER TABLE "PointsEntry" ENABLE TRIGGER "PointsEntry_period_scores"');
    await step('week and month totals', 'SELECT gradquiz_rebuild_period_scores($1)', [BENCH_GUILD]);
    // The planner's cost of a random read on SSD storage (the default, 4, is a spinning disk's): with it,
    // analytics read their covering indexes instead of scanning and sorting the table (docs/analytics.md).
    await client.query(`ALTER DATABASE "${BENCH_DATABASE}" SET random_page_cost = 1.1`);
    const start = performance.now();
    await client.query('VACUUM ANALYZE');
    log(`  vacuum analyze: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
  return url;
}

/** The PostgreSQL server the configuration (environment or `.env`) names; exits when there is none. */
export function adminUrlOrExit(): string {
  const loaded = loadConfig();
  const url = loaded.ok ? loaded.config.DATABASE_URL : undefined;
  if (url) return url;
  console.error(
    'DATABASE_URL must name a PostgreSQL server (e.g. $(sh scripts/ensure-postgres.sh | tail -1))',
  );
  process.exit(2);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const adminUrl = adminUrlOrExit();
  const start = performance.now();
  const url = await seedBench(adminUrl, { log: console.log });
  console.log(
    `seeded ${BENCH_DATABASE} in ${((performance.now() - start) / 1000).toFixed(1)} s (kept): ${url}`,
  );
}
