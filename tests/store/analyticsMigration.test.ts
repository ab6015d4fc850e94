import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MIGRATIONS_DIR } from '../../src/adapters/store/schemaEngine.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

// The analytics migration on data recorded before it: earlier hints and give-ups become events, earlier
// first solves get their tries. The migrations' SQL is run as written, on the database of the pass.
const THIS = '20261201050000_answer_analytics';
const migrations = readdirSync(MIGRATIONS_DIR)
  .filter((name) => /^\d+_/.test(name))
  .sort();
const sqlOf = (name: string) => readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');

interface Sql {
  run(sql: string): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

let database: TestDatabase;
let sql: Sql;

beforeAll(async () => {
  database = await createTestDatabase();
  if (database.config.kind === 'postgres') {
    const client = new pg.Client({ connectionString: database.config.url });
    await client.connect();
    sql = {
      run: async (text) => void (await client.query(text)),
      rows: async <T>(text: string) => (await client.query(text)).rows as T[],
      close: () => client.end(),
    };
  } else {
    const db = new PGlite(database.config.kind === 'pglite' ? database.config.dataDir : undefined);
    sql = {
      run: async (text) => void (await db.exec(text)),
      rows: async <T>(text: string) => (await db.query<T>(text)).rows,
      close: () => db.close(),
    };
  }
  for (const name of migrations.slice(0, migrations.indexOf(THIS))) await sql.run(sqlOf(name));
  await sql.run(`
    INSERT INTO "Guild" (id) VALUES ('g');
    INSERT INTO "Card" (id, file, "contentHash", title, course, tags, difficulty, "updatedAt")
      VALUES ('c', 'c.md', 'h', 'C', 'ML', '{}', 2, now());
    INSERT INTO "User" (id, "displayName") VALUES ('a', 'A'), ('b', 'B');
    INSERT INTO "Attempt" (id, "externalId", verdict, input, "cardId", part, "userId", "createdAt", "guildId", "channelId")
    VALUES ('1', 'e1', 'incorrect', 'x', 'c', '1', 'a', '2026-03-01 10:00', 'g', 'ch'),
           ('2', 'e2', 'invalid', 'x', 'c', '1', 'a', '2026-03-01 10:01', 'g', 'ch'),
           ('3', 'e3', 'correct', 'x', 'c', '1', 'a', '2026-03-01 10:02', 'g', 'ch'),
           ('4', 'e4', 'correct', 'x', 'c', '1', 'a', '2026-03-01 10:03', 'g', 'ch'),
           ('5', 'e5', 'correct', 'x', 'c', '1', 'b', '2026-03-01 10:00', 'g', 'ch2');
    INSERT INTO "Progress" ("userId", "cardId", part, "hintsUsed", "gaveUp", "updatedAt")
    VALUES ('a', 'c', '1', 2, false, now()), ('b', 'c', '1', 0, true, now()), ('b', 'c', '2', 1, false, now());
  `);
  await sql.run(sqlOf(THIS));
});
afterAll(async () => {
  await sql?.close();
  await database?.drop();
});

describe('GIVEN hints, give-ups and solves recorded before the analytics migration', () => {
  it('THEN each hint and give-up is an event in the server and channel of the latest answer to its part', async () => {
    const events = await sql.rows<{
      kind: string;
      userId: string;
      part: string;
      guildId: string;
      channelId: string;
    }>(`SELECT kind, "userId", part, "guildId", "channelId" FROM "StudyEvent" ORDER BY "userId", part, kind`);
    expect(events).toEqual([
      { kind: 'hint', userId: 'a', part: '1', guildId: 'g', channelId: 'ch' },
      { kind: 'hint', userId: 'a', part: '1', guildId: 'g', channelId: 'ch' },
      { kind: 'give_up', userId: 'b', part: '1', guildId: 'g', channelId: 'ch2' },
      // No answer to part 2: the card's latest answer places it.
      { kind: 'hint', userId: 'b', part: '2', guildId: 'g', channelId: 'ch2' },
    ]);
  });

  it('THEN each first solve has its tries (answers that counted, up to it); no other attempt has any', async () => {
    const tries = await sql.rows<{ id: string; solveTries: number | null }>(
      `SELECT id, "solveTries" FROM "Attempt" ORDER BY id`,
    );
    expect(tries).toEqual([
      { id: '1', solveTries: null },
      { id: '2', solveTries: null },
      { id: '3', solveTries: 2 },
      { id: '4', solveTries: null },
      { id: '5', solveTries: 1 },
    ]);
  });
});
