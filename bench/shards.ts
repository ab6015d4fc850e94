/**
 * Shards benchmark (`npm run bench:shards`, PostgreSQL: DATABASE_URL): the real bot in 1, 2 and 4
 * processes (`src/main/start.ts`, shards 0…N-1 of N, one each) on one PostgreSQL and one fake Discord,
 * two guilds per shard. Students answer in every guild's quiz thread, CONCURRENCY answers in flight:
 * answers per second and the time from MESSAGE_CREATE to the bot's reply (p50/p99). Then the cold start
 * of one process running N shards, and in one process discord.js's shards in its own thread against
 * @discordjs/ws's worker threads (login → ready).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { WorkerShardingStrategy } from '@discordjs/ws';
import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { BotProcess } from '../scripts/soak/botProcess.ts';
import { CARD, WRONG, threadOf } from '../tests/discord/harness.ts';
import { startFakeDiscord, type FakeChannel, type FakeDiscord } from '../tests/fake-discord/index.ts';
import { createTestDatabase } from '../tests/support/testDatabase.ts';

const ANSWERS = 300;
const CONCURRENCY = 32;
const USERS = 200;

if (!process.env['DATABASE_URL']) {
  process.stderr.write('bench:shards needs DATABASE_URL (PostgreSQL): several processes share it\n');
  process.exit(2);
}
const { DATABASE_URL: _admin, ...inherited } = process.env;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** N bot processes, shards 0…N-1 of N, on a new database; `run` gets the fake; everything is torn down after. */
async function withProcesses<T>(
  processes: number,
  options: { shardsPerProcess?: number; guildsPerShard?: number },
  run: (fake: FakeDiscord, bots: BotProcess[]) => Promise<T>,
): Promise<T> {
  const shards = processes * (options.shardsPerProcess ?? 1);
  const fake = await startFakeDiscord({ shards, maxConcurrency: shards });
  const database = await createTestDatabase();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gradquiz-bench-shards-'));
  if (database.config.kind !== 'postgres') throw new Error('PostgreSQL expected');
  for (let i = 0; i < shards * (options.guildsPerShard ?? 2); i++)
    fake.createGuild(`guild ${i}`, 'quiz', { shard: i % shards });
  const bots = Array.from({ length: processes }, (_, i) => {
    const ids = Array.from(
      { length: options.shardsPerProcess ?? 1 },
      (_, k) => i * (options.shardsPerProcess ?? 1) + k,
    );
    return new BotProcess(fake, {
      ...inherited,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATABASE_URL: database.config.kind === 'postgres' ? database.config.url : '',
      GRADQUIZ_DATA_DIR: dir,
      GRADQUIZ_SHARD_COUNT: String(shards),
      GRADQUIZ_SHARD_IDS: ids.join(','),
      GRADQUIZ_ANSWERS_PER_MINUTE: '100000',
      LOG_LEVEL: 'warn',
    });
  });
  try {
    return await run(fake, bots);
  } finally {
    for (const bot of bots) await bot.stop().catch(() => undefined);
    await fake.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Answers per second and reply latencies with `processes` bot processes. */
async function load(processes: number): Promise<string> {
  return withProcesses(processes, {}, async (fake, bots) => {
    for (const bot of bots) await bot.start();
    const threads: FakeChannel[] = [];
    const host = fake.user('host');
    for (const guild of [...fake.state.guilds.values()]) {
      const channel = [...fake.state.channels.values()].find(
        (c) => c.guildId === guild.id && c.parentId === null,
      )!;
      const quiz = await fake.slashCommand({
        user: host,
        name: 'quiz',
        channelId: channel.id,
        options: { card: CARD },
      });
      threads.push(await threadOf(fake, (await quiz.final(15_000)).id));
    }
    const answer = async (i: number) => {
      const since = fake.mark();
      const start = performance.now();
      const thread = threads[i % threads.length]!;
      const posted = fake.postMessage({
        user: fake.user(`s${i % USERS}`),
        channelId: thread.id,
        content: `${WRONG} + ${i}`,
      });
      await fake.waitForMessage((m) => m.referencedMessageId === posted.id, 60_000, since);
      return performance.now() - start;
    };
    for (let i = 0; i < threads.length; i++) await answer(ANSWERS + i); // warm-up: the first answer of every guild
    const latencies: number[] = [];
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ANSWERS) latencies.push(await answer(next++));
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    return `${processes} process(es), ${threads.length} guilds: ${(ANSWERS / seconds).toFixed(0)} answers/s, reply p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}`;
  });
}

/** From spawning one process that runs `shards` shards to all of them READY. */
async function coldStart(shards: number): Promise<string> {
  return withProcesses(1, { shardsPerProcess: shards, guildsPerShard: 1 }, async (fake, [bot]) => {
    const start = performance.now();
    await bot!.start();
    await fake.waitForReady(shards, 120_000);
    const total = performance.now() - start;
    const times = fake.identifies.map((identify) => identify.at.getTime());
    return `1 process, ${shards} shard(s): ${ms(total)} to all READY (identifies spread over ${ms(Math.max(...times) - Math.min(...times))})`;
  });
}

/** login → ready of one client running 4 shards, in its own thread or in @discordjs/ws worker threads. */
async function strategy(name: string, extra: Partial<ClientOptions>): Promise<string> {
  const fake = await startFakeDiscord({ shards: 4, maxConcurrency: 4 });
  try {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
      rest: { api: fake.apiUrl, retries: 0, timeout: 5000, globalRequestsPerSecond: 1e6 },
      shardCount: 4,
      shards: [0, 1, 2, 3],
      ...extra,
    });
    const start = performance.now();
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(fake.token);
    await ready;
    const elapsed = performance.now() - start;
    await client.destroy();
    return `4 shards ${name}: login → ready ${ms(elapsed)}`;
  } finally {
    await fake.close();
  }
}

process.stdout.write(
  `cores: ${os.cpus().length}; ${ANSWERS} answers, ${CONCURRENCY} in flight, ${USERS} students\n`,
);
for (const processes of [1, 2, 4]) process.stdout.write(`${await load(processes)}\n`);
for (const shards of [1, 2, 4]) process.stdout.write(`${await coldStart(shards)}\n`);
process.stdout.write(`${await strategy('in the main thread (discord.js default)', {})}\n`);
process.stdout.write(
  `${await strategy('in worker threads (@discordjs/ws WorkerShardingStrategy)', {
    ws: { buildStrategy: (manager) => new WorkerShardingStrategy(manager, { shardsPerWorker: 1 }) },
  })}\n`,
);
