import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/adapters/store/schemaEngine.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

const DAILY_JOBS = '20261201060000_daily_jobs';

/** Raw SQL on the database of the pass, without the schema engine, so the migrations run one by one. */
interface Sql {
  exec(sql: string): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

async function openSql(): Promise<{ sql: Sql; test: TestDatabase | undefined }> {
  if (!process.env['DATABASE_URL']) {
    const db = new PGlite();
    return {
      test: undefined,
      sql: {
        exec: async (text) => void (await db.exec(text)),
        rows: async <T>(text: string) => (await db.query<T>(text)).rows,
        close: () => db.close(),
      },
    };
  }
  const test = await createTestDatabase();
  if (test.config.kind !== 'postgres') throw new Error('PostgreSQL expected');
  const client = new pg.Client({ connectionString: test.config.url });
  await client.connect();
  return {
    test,
    sql: {
      exec: async (text) => void (await client.query(text)),
      rows: async <T>(text: string) => (await client.query(text)).rows as T[],
      close: () => client.end(),
    },
  };
}

const migration = (name: string) => readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');

let sql: Sql;
let test: TestDatabase | undefined;

beforeAll(async () => {
  ({ sql, test } = await openSql());
  const before = readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d{14}_/.test(name) && name < DAILY_JOBS)
    .sort();
  for (const name of before) await sql.exec(migration(name));
});
afterAll(async () => {
  await sql?.close();
  await test?.drop();
});

describe('GIVEN daily quizzes posted before the daily_jobs migration', () => {
  it('THEN each counts as that local date’s posted daily quiz; other quizzes do not', async () => {
    // Kolkata is UTC+5:30: its daily time 09:00 is 03:30 UTC. Times are relative to now, so the rows are recent.
    await sql.exec(`
      INSERT INTO "Card" ("id", "file", "contentHash", "title", "course", "tags", "difficulty", "updatedAt")
        VALUES ('c', 'c.md', 'h', 'c', 'ML', '{}', 2, now());
      INSERT INTO "Guild" ("id", "timeZone", "dailyChannelId", "dailyTime")
        VALUES ('g', 'Asia/Kolkata', 'daily', '09:00'), ('h', 'UTC', 'daily', NULL);
      INSERT INTO "Quiz" ("id", "guildId", "channelId", "cardId", "createdAt") VALUES
        ('posted', 'g', 'daily', 'c', date_trunc('day', now() AT TIME ZONE 'UTC') - INTERVAL '1 day' + INTERVAL '3 hours 35 minutes'),
        ('second', 'g', 'daily', 'c', date_trunc('day', now() AT TIME ZONE 'UTC') - INTERVAL '1 day' + INTERVAL '3 hours 50 minutes'),
        ('too-late', 'g', 'daily', 'c', date_trunc('day', now() AT TIME ZONE 'UTC') - INTERVAL '1 day' + INTERVAL '5 hours'),
        ('elsewhere', 'g', 'general', 'c', date_trunc('day', now() AT TIME ZONE 'UTC') - INTERVAL '1 day' + INTERVAL '3 hours 40 minutes'),
        ('no-daily', 'h', 'daily', 'c', now() AT TIME ZONE 'UTC'),
        ('long-ago', 'g', 'daily', 'c', date_trunc('day', now() AT TIME ZONE 'UTC') - INTERVAL '5 days' + INTERVAL '3 hours 35 minutes');
    `);
    await sql.exec(migration(DAILY_JOBS));
    const rows = await sql.rows<{ guildId: string; date: string; quizId: string; posted: boolean }>(
      `SELECT "guildId", "date", "quizId", "postedAt" IS NOT NULL AS posted FROM "DailyPost"`,
    );
    const [yesterday] = await sql.rows<{ date: string }>(
      `SELECT to_char(now() AT TIME ZONE 'UTC' - INTERVAL '1 day', 'YYYY-MM-DD') AS date`,
    );
    expect(rows).toEqual([{ guildId: 'g', date: yesterday!.date, quizId: 'posted', posted: true }]);
  });
});
