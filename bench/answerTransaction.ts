/**
 * `npm run bench:pgbench` (PostgreSQL: DATABASE_URL, and `pgbench` on the PATH): the raw limit of the
 * answer's write, `gradquiz_record` (user lock, idempotency key, rate-limit count, attempt row, points),
 * called by pgbench with no application in front, in a fresh database with the migrations applied.
 * A wrong answer's write, no progress rows: the floor of what every answer costs the database.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/adapters/store/index.ts';
import { createTestDatabase } from '../tests/support/testDatabase.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const USERS = 200;

if (!process.env['DATABASE_URL']) {
  process.stderr.write('bench:pgbench needs DATABASE_URL (PostgreSQL)\n');
  process.exit(2);
}
const test = await createTestDatabase();
if (test.config.kind !== 'postgres') throw new Error('PostgreSQL expected');
const db = await openDatabase(test.config);
const dir = mkdtempSync(path.join(os.tmpdir(), 'gradquiz-pgbench-'));
try {
  await db.prisma.$executeRaw`INSERT INTO "Guild" ("id") VALUES ('g')`;
  await db.prisma
    .$executeRaw`INSERT INTO "Card" ("id", "file", "contentHash", "title", "course", "tags", "difficulty", "updatedAt")
    VALUES ('c', 'c.md', 'h', 'c', 'ML', '{}', 2, now())`;
  await db.prisma
    .$executeRaw`INSERT INTO "Quiz" ("id", "guildId", "channelId", "cardId") VALUES ('q', 'g', 'ch', 'c')`;
  const script = path.join(dir, 'answer.sql');
  writeFileSync(
    script,
    `\\set u random(1, ${USERS})
SELECT gradquiz_record('u' || :u, 'U', jsonb_build_object(
  'id', gen_random_uuid()::text, 'externalId', gen_random_uuid()::text, 'verdict', 'incorrect', 'input', 'x',
  'cardId', 'c', 'part', '1', 'isStep', false, 'userId', 'u' || :u, 'createdAt', now()::timestamp(3),
  'quizId', 'q', 'guildId', 'g', 'channelId', 'ch', 'points', 0, 'feedback', ''),
  '[]'::jsonb, 1000000, (now() - interval '1 minute')::timestamp(3));
`,
  );
  process.stdout.write(`cores: ${os.cpus().length}; pgbench ${SECONDS} s per line, ${USERS} users\n`);
  for (const clients of [1, 4, 16]) {
    const out = execFileSync(
      'pgbench',
      [
        '-n',
        '-c',
        String(clients),
        '-j',
        String(Math.min(clients, 2)),
        '-T',
        String(SECONDS),
        '-f',
        script,
        test.config.url,
      ],
      { encoding: 'utf8' },
    );
    const tps = /tps = ([\d.]+)/.exec(out)?.[1];
    const latency = /latency average = ([\d.]+ ms)/.exec(out)?.[1];
    process.stdout.write(
      `${clients} client(s): ${Number(tps).toFixed(0)} answer writes/s, latency ${latency}\n`,
    );
  }
} finally {
  await db.close();
  await test.drop();
  rmSync(dir, { recursive: true, force: true });
}
