import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { openDatabase, type DatabaseConfig } from '../../src/adapters/store/index.ts';
import { startFakeDiscord, textOf, type FakeChannel, type FakeDiscord } from '../fake-discord/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';
import { CARD, RIGHT, WRONG, threadOf } from './harness.ts';

/**
 * What the hidden check does: the real `npm start`, in a child process, against a fake Discord, on
 * PostgreSQL when DATABASE_URL is set and on the embedded database otherwise — restarted mid-quiz.
 */
let fake: FakeDiscord;
let dataDir: string;
let test: TestDatabase | undefined;
let database: DatabaseConfig;
let bot: ChildProcess | undefined;
let output = '';

function env(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return {
    ...rest,
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    GRADQUIZ_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    GRADQUIZ_DAILY_CHECK_SECONDS: '0.5',
    ...(database.kind === 'postgres' ? { DATABASE_URL: database.url } : {}),
  };
}

async function startBot(readyCount: number): Promise<void> {
  bot = spawn('npm', ['start', '--silent'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  bot.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  bot.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await fake.waitForReady(readyCount, 90_000);
}

/**
 * SIGTERM to the npm process, as a supervisor sends it. npm 11 then kills its shell only; the bot
 * notices that its launcher is gone and stops as for SIGTERM. Resolves once it has stopped.
 */
async function stopBot(): Promise<void> {
  const child = bot!;
  bot = undefined;
  const stopped = output.split('"msg":"stopped"').length;
  child.kill('SIGTERM');
  await expect
    .poll(() => output.split('"msg":"stopped"').length, { timeout: 20_000, interval: 100 })
    .toBe(stopped + 1);
}

/** Runs a command to its end without blocking the event loop (the fake Discord lives in this process). */
function run(command: string, args: string[], environment: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gradquiz-npm-start-'));
  if (process.env['DATABASE_URL']) {
    test = await createTestDatabase();
    database = test.config;
  } else {
    database = { kind: 'pglite', dataDir };
  }
  // The commands are registered by the script, not at start; the fake then checks options as Discord does.
  const registered = await run('npm', ['run', '--silent', 'commands'], {
    ...env(),
    DISCORD_GUILD_ID: fake.guildId,
  });
  expect(registered).toMatchObject({ code: 0, stderr: '' });
  expect(registered.stdout).toContain(`Registered 11 commands in guild ${fake.guildId}`);
});

afterAll(async () => {
  if (bot) await stopBot();
  await fake?.close();
  await test?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start with DISCORD_TOKEN', () => {
  let thread: FakeChannel;

  it('GIVEN /quiz and answers in the thread THEN a thread, ❌ then ✅, a private answer, the leaderboard', async () => {
    // What the bot logged is the first thing to read when this fails.
    onTestFailed(() => console.error(`npm start said:\n${output.slice(-6000)}`));
    await startBot(1);
    const alice = fake.user('alice');
    const quiz = await fake.slashCommand({ user: alice, name: 'quiz', options: { card: CARD } });
    expect(quiz.elapsedMs).toBeLessThan(3000);
    thread = await threadOf(fake, (await quiz.final(10_000)).id);

    const wrong = fake.postMessage({ user: alice, channelId: thread.id, content: WRONG });
    await fake.waitForReaction(wrong.id, '❌', 10_000);
    const right = fake.postMessage({ user: alice, channelId: thread.id, content: RIGHT });
    await fake.waitForReaction(right.id, '✅', 10_000);
    await fake.waitForMessage(
      (m) => m.referencedMessageId === right.id && m.content.includes('correct'),
      10_000,
    );

    const bob = fake.user('bob');
    const privately = await fake.slashCommand({
      user: bob,
      name: 'answer',
      channelId: thread.id,
      options: { expression: RIGHT },
    });
    expect(privately.ephemeral).toBe(true);
    expect((await privately.final(10_000)).content).toContain('✅');
    await fake.waitForMessage((m) => m.content === `✅ <@${bob.id}> solved part 1.`, 10_000);

    const board = await (await fake.slashCommand({ user: alice, name: 'leaderboard' })).final(10_000);
    expect(textOf(board)).toContain('Alice');
    expect(textOf(board)).toContain('Bob');
  });

  it('GIVEN SIGTERM and a new npm start THEN part 2 is answered in the same thread, nothing is counted twice, the daily quiz is posted once', async () => {
    await stopBot();
    await startBot(2);
    const part2 = fake.postMessage({
      user: fake.user('alice'),
      channelId: thread.id,
      content: '`(y - yhat) x`',
    });
    await fake.waitForReaction(part2.id, '✅', 10_000);

    // The daily quiz of one process on its own (no shard setting): set for this very minute, posted once.
    const admin = fake.user('admin', { permissions: PermissionFlagsBits.ManageGuild });
    const now = new Date().toISOString().slice(11, 16);
    const daily = await fake.slashCommand({
      user: admin,
      name: 'quizadmin',
      subcommand: 'daily set',
      options: { channel: fake.channel(fake.channelId), time: now },
    });
    expect((await daily.final(10_000)).content).toContain(now);
    await fake.waitForMessage((m) => m.content.includes('Daily quiz'), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(fake.messagesIn(fake.channelId).filter((m) => m.content.includes('Daily quiz'))).toHaveLength(1);
    await stopBot();

    const db = await openDatabase(database);
    const rows = await db.prisma.attempt.findMany({ orderBy: { createdAt: 'asc' } });
    await db.close();
    expect(rows.map((r) => [r.verdict, r.part])).toEqual([
      ['incorrect', '1'],
      ['correct', '1'],
      ['correct', '1'],
      ['correct', '2'],
    ]);
    expect(new Set(rows.map((r) => r.externalId)).size).toBe(4);
    fake.assertNoErrors();
    expect(output).not.toContain(fake.token);
  });
});
