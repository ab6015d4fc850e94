/**
 * Soak and fault test (`npm run soak -- --minutes N [--users U]`): the real bot, in a child process
 * (`src/main/start.ts`, real discord.js), against the fake Discord in this process, on PostgreSQL
 * when DATABASE_URL is set (a database of its own, dropped at the end) and PGlite otherwise. U
 * students answer in quiz threads and privately while faults are injected in turn: the database cut
 * off for a few seconds (PostgreSQL only), the gateway dropped (discord.js resumes), the bot
 * SIGKILLed and started again. Then every answer is reconciled with the `Attempt` rows and the bot's
 * replies, and one summary line is printed; the exit code is 1 on any loss or doubling.
 *
 * The per-user rate limit is raised for the soak (GRADQUIZ_ANSWERS_PER_MINUTE): a student acts once
 * a minute on average, but the faults bunch answers up (catch-up after a restart, retries after a
 * cut), and the limit's own tests live in the test suite. "Slow down" and "every part solved" replies
 * are still accepted as rightly not counted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { COMMANDS } from '../src/adapters/discord/commands/index.ts';
import { loadSeeds } from '../src/adapters/seeds/loadSeeds.ts';
import { openDatabase } from '../src/adapters/store/index.ts';
import { seededRng } from '../src/core/random/rng.ts';
import { CARD, threadOf } from '../tests/discord/harness.ts';
import { startFakeDiscord, type FakeChannel } from '../tests/fake-discord/index.ts';
import { createTestDatabase } from '../tests/support/testDatabase.ts';
import { BotProcess } from './soak/botProcess.ts';
import { BotReplies } from './soak/botReplies.ts';
import { cutDatabase } from './soak/databaseCut.ts';
import { checkPoints } from './soak/points.ts';
import { reconcile } from './soak/reconcile.ts';
import { runStudents } from './soak/students.ts';

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '10' }, users: { type: 'string', default: '1000' } },
});
const minutes = Number(values.minutes);
const users = Number(values.users);
if (!(minutes > 0) || !Number.isInteger(users) || users < 1) {
  process.stderr.write('usage: npm run soak -- --minutes N [--users U]\n');
  process.exit(2);
}

/** Students per quiz thread: busy threads, yet fewer new messages in one while the bot is down than catch-up reads back. */
const STUDENTS_PER_THREAD = 50;
/** One fault every this long (a third of them of each kind), at least three in any run. */
const FAULT_EVERY_MS = Math.min(60_000, Math.max(8_000, (minutes * 60_000) / 9));
const DATABASE_OUTAGE_MS = 5_000;
/** After the students stop: how long the bot may take to answer what is still waiting (retries, catch-up). */
const DRAIN_MS = 180_000;
const QUIET_MS = 10_000;

const fake = await startFakeDiscord();
const database = await createTestDatabase();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gradquiz-soak-'));
const adminUrl = process.env['DATABASE_URL'];
const { DATABASE_URL: _own, ...inherited } = process.env;
const bot = new BotProcess(fake, {
  ...inherited,
  DISCORD_TOKEN: fake.token,
  DISCORD_API_URL: fake.apiUrl,
  GRADQUIZ_DATA_DIR: database.config.kind === 'pglite' ? database.config.dataDir : dataDir,
  GRADQUIZ_ANSWERS_PER_MINUTE: '1000',
  LOG_LEVEL: 'warn',
  ...(database.config.kind === 'postgres' ? { DATABASE_URL: database.config.url } : {}),
});
fake.registerCommands(
  COMMANDS.map((command) => command.data.toJSON()),
  fake.guildId,
);

let exitCode = 1;
try {
  await bot.start();
  const host = fake.user('host');
  const threads: FakeChannel[] = [];
  for (let i = 0; i < Math.ceil(users / STUDENTS_PER_THREAD); i++) {
    const quiz = await fake.slashCommand({ user: host, name: 'quiz', options: { card: CARD } });
    threads.push(await threadOf(fake, (await quiz.final(10_000)).id));
  }
  const rssStart = bot.rssMb();
  const started = Date.now();
  const until = started + minutes * 60_000;
  const random = seededRng(10);

  const faults: string[] = [];
  const faulting = (async () => {
    const kinds = ['database', 'gateway', 'kill'] as const;
    for (let n = 0; ; n++) {
      const at = started + (n + 1) * FAULT_EVERY_MS;
      if (at >= until) return;
      await sleep(at - Date.now());
      const kind = kinds[n % kinds.length]!;
      const when = `${((Date.now() - started) / 1000).toFixed(0)} s`;
      if (kind === 'database') {
        if (database.config.kind !== 'postgres' || !adminUrl) {
          faults.push(
            `${when}: database cut skipped: PGlite runs inside the bot's process, there is no connection to cut`,
          );
          continue;
        }
        const name = new URL(database.config.url).pathname.slice(1);
        const ended = await cutDatabase(adminUrl, name, DATABASE_OUTAGE_MS);
        faults.push(`${when}: database cut for ${DATABASE_OUTAGE_MS / 1000} s (${ended} backends ended)`);
      } else if (kind === 'gateway') {
        fake.disconnectBot(4000);
        faults.push(`${when}: gateway dropped (resume)`);
      } else {
        await bot.kill();
        const killedAt = Date.now();
        await bot.start();
        faults.push(`${when}: bot SIGKILLed, back in ${((Date.now() - killedAt) / 1000).toFixed(1)} s`);
      }
    }
  })();
  const log = await runStudents(fake, threads, { users, until, random });
  await faulting;

  // Let the bot finish: replies to answers still waiting for a retry or for the catch-up.
  const replies = new BotReplies(fake);
  const drainUntil = Date.now() + DRAIN_MS;
  let lastEvents = -1;
  let quietSince = Date.now();
  while (Date.now() < drainUntil) {
    const unanswered = log.messages.some((m) => m.kind !== 'chat' && replies.to(m.messageId).length === 0);
    if (fake.botEvents.length !== lastEvents) {
      lastEvents = fake.botEvents.length;
      quietSince = Date.now();
    }
    if (!unanswered || Date.now() - quietSince > QUIET_MS) break;
    await sleep(500);
  }
  const rssEnd = bot.rssMb();
  await bot.stop();

  const db = await openDatabase(database.config);
  const attempts = await db.prisma.attempt.findMany({
    select: {
      externalId: true,
      userId: true,
      cardId: true,
      part: true,
      verdict: true,
      points: true,
      createdAt: true,
    },
  });
  const ledger = (await db.prisma.pointsEntry.aggregate({ _sum: { points: true } }))._sum.points ?? 0;
  await db.close();

  const cards = new Map((await loadSeeds('seeds')).cards.map((card) => [card.id, card]));
  const points = checkPoints(attempts, (id) => cards.get(id)?.difficulty ?? 1, ledger);
  const result = reconcile({
    fake,
    replies,
    log,
    attempts,
    kills: bot.kills,
    wasDownAt: (t) => bot.wasDownAt(t),
  });
  const p99 =
    result.latencies[Math.min(result.latencies.length - 1, Math.floor(0.99 * result.latencies.length))] ??
    NaN;

  console.log(
    `run: ${users} students in ${threads.length} threads for ${minutes} min on ${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}; ${log.redeliveries} redeliveries; the rate limit raised to 1000 a minute`,
  );
  for (const fault of faults) console.log(`fault at ${fault}`);
  console.log(
    `points: ${points.stored} stored, ${points.recomputed} by the rules, ${points.ledger} in the ledger; ${points.wrongRows} attempts off the rules; ${result.stray} stray rows or answered chat`,
  );
  const pointsOk =
    points.wrongRows === 0 && points.stored === points.recomputed && points.ledger === points.recomputed;
  console.log(
    `soak: ${result.answers} answers, lost ${result.lost}, doubled ${result.doubled}, replies missing ${result.repliesMissing}, interactions lost at kills ${result.lostAtKills}, p99 ${p99.toFixed(0)} ms, rss start/end ${rssStart.toFixed(0)}/${rssEnd.toFixed(0)} MB`,
  );
  const ok =
    result.lost === 0 &&
    result.doubled === 0 &&
    result.repliesMissing === 0 &&
    result.stray === 0 &&
    pointsOk;
  if (!ok) {
    const shown = result.problems.slice(0, 20).join('\n');
    process.stderr.write(`${shown}\nthe bot's last output:\n${bot.tail.slice(-4000)}\n`);
  }
  exitCode = ok ? 0 : 1;
} catch (error) {
  process.stderr.write(
    `soak failed: ${(error as Error).stack}\nthe bot's last output:\n${bot.tail.slice(-4000)}\n`,
  );
} finally {
  await bot.stop().catch(() => undefined);
  await fake.close();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
