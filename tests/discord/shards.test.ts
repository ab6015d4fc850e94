import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/adapters/discord/bot.ts';
import { shardOf } from '../../src/core/sharding/shardOf.ts';
import type { FakeChannel } from '../fake-discord/index.ts';
import { CARD, WRONG, startHarness, threadOf, until, type Harness } from './harness.ts';

const DAY = 24 * 60 * 60 * 1000;
const shard = (id: number) => ({ shardCount: 2, shards: [id] });

let h: Harness;
let other: Bot | undefined;
let offset = 0;
const logs: [string[], string[]] = [[], []];
const threads: FakeChannel[] = [];

/** The log lines with this message, parsed. */
const logged = (lines: string[], msg: string) =>
  lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === msg);

beforeAll(async () => {
  h = await startHarness({
    images: false,
    fake: { shards: 2, maxConcurrency: 2 },
    client: shard(0),
    clock: { now: () => new Date(Date.now() + offset) },
    quizIdleMs: 7 * DAY,
    idleCheckIntervalMs: 100,
  });
  other = await h.connect(shard(1), logs[1]);
  const host = h.fake.user('host');
  for (const id of [0, 1]) {
    const { guild, channel } = h.fake.createGuild(`on shard ${id}`, 'quiz', { shard: id });
    const bot = id === 0 ? h.bot : other;
    await until(() => bot.client.channels.cache.has(channel.id), `guild on shard ${id} known`);
    expect(shardOf(guild.id, 2)).toBe(id);
    const quiz = await h.fake.slashCommand({
      user: host,
      name: 'quiz',
      channelId: channel.id,
      options: { card: CARD },
    });
    threads.push(await threadOf(h.fake, (await quiz.final(5000)).id));
  }
});
afterAll(async () => {
  await other?.stop();
  await h?.close();
});

describe('GIVEN two bots on one database, shards 0 and 1 of 2, a quiz thread in a guild of each', () => {
  it('THEN each answer reaches the bot of its guild and is graded once', async () => {
    const ada = h.fake.user('ada');
    for (const thread of threads) {
      const answer = h.fake.postMessage({ user: ada, channelId: thread.id, content: WRONG });
      await h.fake.waitForReaction(answer.id, '❌', 5000);
    }
    expect(await h.attempts()).toHaveLength(2);
  });

  it('THEN after both restart, each catches up its own guilds’ threads only, every missed answer once', async () => {
    await h.bot.stop();
    await other!.stop();
    const ben = h.fake.user('ben');
    const missed = threads.map((thread) =>
      h.fake.postMessage({ user: ben, channelId: thread.id, content: `${WRONG} + 1` }),
    );
    const before = logs.map((lines) => lines.length);
    h.bot = await h.connect(shard(0), logs[0]);
    other = await h.connect(shard(1), logs[1]);
    for (const answer of missed)
      await h.fake.waitForMessage((m) => m.referencedMessageId === answer.id, 10_000);
    for (const [i, lines] of logs.entries())
      await until(
        () => logged(lines.slice(before[i]), 'quiz threads caught up').length === 1,
        `catch-up ${i}`,
      );
    expect(logs.map((lines, i) => logged(lines.slice(before[i]), 'quiz threads caught up'))).toMatchObject([
      [{ threads: 1, looked: 1 }],
      [{ threads: 1, looked: 1 }],
    ]);
    const rows = await h.attempts();
    for (const answer of missed)
      expect(rows.filter((row) => row.externalId === `discord:message:${answer.id}`)).toHaveLength(1);
    const replies = (id: string) =>
      h.fake.botEvents.filter((e) => e.kind === 'message' && e.message.referencedMessageId === id);
    for (const answer of missed) expect(replies(answer.id)).toHaveLength(1);
  });

  it('THEN idle quizzes are closed and announced by the bot holding their guild, each once', async () => {
    offset = 8 * DAY;
    for (const [i, lines] of logs.entries())
      await until(() => logged(lines, 'idle quizzes closed').length > 0, `idle quizzes closed by bot ${i}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(logs.map((lines) => logged(lines, 'idle quizzes closed'))).toMatchObject([
      [{ closed: 1 }],
      [{ closed: 1 }],
    ]);
    for (const thread of threads)
      expect(h.fake.messagesIn(thread.id).filter((m) => m.content.includes('closed'))).toHaveLength(1);
    h.fake.assertNoErrors();
  });
});
