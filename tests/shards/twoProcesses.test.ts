import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../src/core/sharding/shardOf.ts';
import { BotProcess } from '../../scripts/soak/botProcess.ts';
import { CARD, WRONG, threadOf, until } from '../discord/harness.ts';
import {
  startFakeDiscord,
  type FakeChannel,
  type FakeDiscord,
  type FakeMessage,
} from '../fake-discord/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';
import { postgresUrl } from './postgresUrl.ts';

/**
 * Two bot processes (`src/main/start.ts`), shards 0 and 1 of 2, on one PostgreSQL and one fake
 * Discord with six guilds, three on each shard and each zone spread over both shards.
 */
const ZONES = [
  'America/New_York',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kolkata',
  'America/New_York',
  'Asia/Kolkata',
];

interface Guild {
  readonly id: string;
  readonly channel: FakeChannel;
  readonly shard: number;
  readonly zone: string;
  thread?: FakeChannel;
}

let fake: FakeDiscord;
let database: TestDatabase;
let db: pg.Client;
let dir: string;
let clockFile: string;
const bots: BotProcess[] = [];
const guilds: Guild[] = [];
const answers: FakeMessage[] = [];
let sent = 0;

/** Moves the bots' clock (GRADQUIZ_TEST_CLOCK_FILE) to `instant`. */
const setClock = (instant: Date) => writeFileSync(clockFile, String(instant.getTime() - Date.now()));

beforeAll(async () => {
  postgresUrl();
  fake = await startFakeDiscord({ shards: 2, maxConcurrency: 2 });
  database = await createTestDatabase();
  if (database.config.kind !== 'postgres') throw new Error('PostgreSQL expected');
  dir = mkdtempSync(path.join(os.tmpdir(), 'gradquiz-shards-'));
  clockFile = path.join(dir, 'clock-offset');
  const { DATABASE_URL: _admin, ...inherited } = process.env;
  for (const shard of [0, 1]) {
    bots.push(
      new BotProcess(fake, {
        ...inherited,
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        DATABASE_URL: database.config.url,
        GRADQUIZ_DATA_DIR: dir,
        GRADQUIZ_SHARD_COUNT: '2',
        GRADQUIZ_SHARD_IDS: String(shard),
        GRADQUIZ_DAILY_CHECK_SECONDS: '0.3',
        GRADQUIZ_TEST_CLOCK_FILE: clockFile,
        GRADQUIZ_ANSWERS_PER_MINUTE: '1000',
        LOG_LEVEL: 'warn',
      }),
    );
  }
  for (const [i, zone] of ZONES.entries()) {
    const { guild, channel } = fake.createGuild(`guild ${i}`, 'quiz', { shard: i % 2 });
    guilds.push({ id: guild.id, channel, shard: shardOf(guild.id, 2), zone });
  }
  await bots[0]!.start();
  await bots[1]!.start();
  db = new pg.Client({ connectionString: database.config.url });
  await db.connect();
}, 120_000);

afterAll(async () => {
  for (const bot of bots) await bot.stop().catch(() => undefined);
  await db?.end();
  await fake?.close();
  await database?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A new answer in a guild's quiz thread, kept for the final reconciliation. */
function answer(guild: Guild): FakeMessage {
  const message = fake.postMessage({
    user: fake.user(`student${sent % 7}`),
    channelId: guild.thread!.id,
    content: `${WRONG} + ${++sent}`,
  });
  answers.push(message);
  return message;
}

const repliesTo = (id: string) =>
  fake.botEvents.filter((e) => e.kind === 'message' && e.message.referencedMessageId === id).length;

async function answeredOnce(messages: readonly FakeMessage[], timeoutMs = 30_000): Promise<void> {
  await until(() => messages.every((m) => repliesTo(m.id) >= 1), 'every answer replied to', timeoutMs);
  const rows = await db.query<{ externalId: string; n: number }>(
    `SELECT "externalId", count(*)::int AS n FROM "Attempt" WHERE "externalId" = ANY($1) GROUP BY 1`,
    [messages.map((m) => `discord:message:${m.id}`)],
  );
  expect(rows.rows).toHaveLength(messages.length);
  expect(rows.rows.every((row) => row.n === 1)).toBe(true);
  for (const m of messages) expect(repliesTo(m.id)).toBe(1);
}

const dailiesIn = (guild: Guild) =>
  fake.messagesIn(guild.channel.id).filter((m) => m.content.includes('Daily quiz'));

describe('GIVEN two processes, shards 0 and 1 of 2, six guilds on one PostgreSQL', () => {
  it('THEN each guild is served by the process of its shard and every answer is graded once', async () => {
    expect(guilds.map((g) => g.shard)).toEqual([0, 1, 0, 1, 0, 1]);
    const host = fake.user('host');
    for (const guild of guilds) {
      const quiz = await fake.slashCommand({
        user: host,
        name: 'quiz',
        channelId: guild.channel.id,
        options: { card: CARD },
      });
      guild.thread = await threadOf(fake, (await quiz.final(10_000)).id);
    }
    await answeredOnce(guilds.flatMap((guild) => [answer(guild), answer(guild)]));
  });

  it('THEN every daily quiz is posted once per guild as the clock crosses midnight in New York and Kolkata', async () => {
    // 2026-12-01 18:25 UTC: 23:55 in Kolkata, 13:25 in New York — set before the daily times, so that the
    // real time of the run never makes a daily quiz due early.
    setClock(new Date('2026-12-01T18:25:00Z'));
    const admin = fake.user('admin', { permissions: PermissionFlagsBits.ManageGuild });
    for (const guild of guilds) {
      const zone = await fake.slashCommand({
        user: admin,
        name: 'quizadmin',
        subcommand: 'timezone',
        channelId: guild.channel.id,
        options: { zone: guild.zone },
      });
      expect((await zone.final(10_000)).content).toContain(guild.zone);
      const daily = await fake.slashCommand({
        user: admin,
        name: 'quizadmin',
        subcommand: 'daily set',
        channelId: guild.channel.id,
        options: { channel: guild.channel, time: '00:00' },
      });
      expect((await daily.final(10_000)).content).toContain('00:00');
    }
    const counts = () => guilds.map((guild) => dailiesIn(guild).length);
    const quietly = () => new Promise((resolve) => setTimeout(resolve, 1500));
    const kolkata = guilds.map((g) => (g.zone === 'Asia/Kolkata' ? 1 : 0));
    await quietly();
    expect(counts()).toEqual([0, 0, 0, 0, 0, 0]);
    // 18:31 UTC: past midnight in Kolkata (UTC+5:30).
    setClock(new Date('2026-12-01T18:31:00Z'));
    await until(() => counts().join() === kolkata.join(), 'the Kolkata daily quizzes', 20_000);
    // 05:01 UTC next day: past midnight in New York (UTC-5).
    setClock(new Date('2026-12-02T05:01:00Z'));
    await until(() => counts().every((n) => n === 1), 'the New York daily quizzes', 20_000);
    // Later in the hour: due by the clock, claimed already.
    setClock(new Date('2026-12-02T05:40:00Z'));
    await quietly();
    expect(counts()).toEqual([1, 1, 1, 1, 1, 1]);
    // The next night in Kolkata: its own date, once more there.
    setClock(new Date('2026-12-02T18:31:00Z'));
    await until(
      () => counts().join() === kolkata.map((k) => 1 + k).join(),
      'the next Kolkata daily quizzes',
      20_000,
    );
    await quietly();
    expect(counts()).toEqual(kolkata.map((k) => 1 + k));
    const posts = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "DailyPost" WHERE "postedAt" IS NOT NULL`,
    );
    expect(posts.rows[0]!.n).toBe(6 + 3);
  });

  it('THEN a SIGKILLed process, restarted, catches up once the answers of its guilds sent meanwhile', async () => {
    const [zero, one] = bots as [BotProcess, BotProcess];
    await one.kill();
    const missed = guilds.filter((g) => g.shard === 1).flatMap((guild) => [answer(guild), answer(guild)]);
    const live = guilds.filter((g) => g.shard === 0).map((guild) => answer(guild));
    await answeredOnce(live);
    expect(missed.some((m) => repliesTo(m.id) > 0)).toBe(false);
    await one.start();
    await answeredOnce(missed);
    expect(zero.tail).not.toMatch(/"level":(50|60)/);
  });

  it('THEN a rolling restart (one process after the other) loses no thread answer', async () => {
    for (const bot of bots) {
      await bot.stop();
      const during = guilds.map((guild) => answer(guild));
      await bot.start();
      await answeredOnce(during);
    }
    await answeredOnce(answers);
    fake.assertNoErrors();
  });
});
