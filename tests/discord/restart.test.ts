import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeChannel } from '../fake-discord/index.ts';
import { CARD, RIGHT, WRONG, startHarness, threadOf, type Harness } from './harness.ts';

let h: Harness;
let thread: FakeChannel;

beforeAll(async () => {
  h = await startHarness({ answersPerMinute: 6, images: false });
  const res = await h.fake.slashCommand({
    user: h.fake.user('alice'),
    name: 'quiz',
    options: { card: CARD },
  });
  thread = await threadOf(h.fake, (await res.final(5000)).id);
});
afterAll(async () => {
  await h?.close();
});

describe('the rate limit', () => {
  it('GIVEN a 7th answer within a minute THEN a polite message and no row', async () => {
    const { fake } = h;
    const sam = fake.user('sam');
    for (let i = 0; i < 6; i++) {
      const answer = fake.postMessage({ user: sam, channelId: thread.id, content: `\`${WRONG} + ${i}\`` });
      await fake.waitForReaction(answer.id, '❌', 5000);
    }
    const seventh = fake.postMessage({ user: sam, channelId: thread.id, content: `\`${RIGHT}\`` });
    const reply = await fake.waitForMessage((m) => m.referencedMessageId === seventh.id, 5000);
    expect(reply.content).toContain('Slow down');
    expect(reply.content).toContain('at most 6 answers a minute');
    expect(fake.message(seventh.id)?.reactions).toEqual([]);
    const rows = (await h.attempts()).filter((a) => a.userId === sam.id);
    expect(rows).toHaveLength(6);
    expect(rows.some((r) => r.externalId === `discord:message:${seventh.id}`)).toBe(false);
  });
});

describe('a restart mid-quiz', () => {
  it('GIVEN part 1 solved, a restart, and the same MESSAGE_CREATE delivered again THEN it is counted once', async () => {
    const { fake } = h;
    const alice = fake.user('alice');
    const part1 = fake.postMessage({ user: alice, channelId: thread.id, content: RIGHT });
    await fake.waitForDeletion(part1.id, 5000);
    const delivery = fake.dispatches.find(
      (d) => d.t === 'MESSAGE_CREATE' && (d.d as { id: string }).id === part1.id,
    )!;

    await h.restart();
    await fake.waitForReady(2);
    const mark = fake.mark();
    fake.redeliver(delivery);
    // An answer sent after the redelivery is answered after it: by then the redelivery was handled.
    const marker = fake.postMessage({ user: fake.user('zed'), channelId: thread.id, content: '`x`' });
    await fake.waitForMessage((m) => m.referencedMessageId === marker.id, 5000);
    expect(
      fake.botEvents
        .slice(mark)
        .filter((e) => e.kind === 'message' && e.message.referencedMessageId === part1.id),
    ).toEqual([]);
    expect((await h.attempts()).filter((a) => a.externalId === `discord:message:${part1.id}`)).toHaveLength(
      1,
    );
  });

  it('GIVEN the restarted bot THEN part 2 is answered in the same thread', async () => {
    const { fake } = h;
    const part2 = fake.postMessage({
      user: fake.user('alice'),
      channelId: thread.id,
      content: '||(y - yhat) x||',
    });
    await fake.waitForReaction(part2.id, '✅', 5000);
    const reply = await fake.waitForMessage((m) => m.referencedMessageId === part2.id, 5000);
    expect(reply.content).toContain('solved part 2 — correct (answer hidden)');
    const rows = (await h.attempts()).filter((a) => a.userId === fake.user('alice').id);
    expect(rows.map((r) => [r.verdict, r.part])).toEqual([
      ['correct', '1'],
      ['correct', '2'],
    ]);
  });

  it('GIVEN a quiz thread Discord does not list after a restart THEN the bot fetches it and its answers still count', async () => {
    const { fake } = h;
    const res = await fake.slashCommand({ user: fake.user('bob'), name: 'quiz', options: { card: CARD } });
    const quiet = await threadOf(fake, (await res.final(5000)).id);
    // Archived threads are not in GUILD_CREATE's active threads.
    quiet.archived = true;
    await h.restart();
    await fake.waitForReady(3);
    await expect
      .poll(() => h.logs.filter((l) => l.includes('quiz threads rejoined')).length, { timeout: 5000 })
      .toBe(3);
    const rejoined = JSON.parse(h.logs.filter((l) => l.includes('quiz threads rejoined')).at(-1)!) as object;
    expect(rejoined).toMatchObject({ missing: 1, fetched: 1 });
    const answer = fake.postMessage({ user: fake.user('bob'), channelId: quiet.id, content: RIGHT });
    await fake.waitForReaction(answer.id, '✅', 5000);
    fake.assertNoErrors();
  });

  it('GIVEN answers typed while the bot was down THEN they are graded after the restart, each once', async () => {
    const { fake } = h;
    const carol = fake.user('carol');
    await h.bot.stop();
    const missed = fake.postMessage({ user: carol, channelId: thread.id, content: RIGHT });
    const chat = fake.postMessage({ user: carol, channelId: thread.id, content: 'is anybody there?' });
    const mark = fake.mark();
    await h.restart();
    await fake.waitForReaction(missed.id, '✅', 10_000);
    await expect
      .poll(() => h.logs.filter((l) => l.includes('quiz threads caught up')).length, { timeout: 5000 })
      .toBeGreaterThan(0);
    const said = fake.botEvents.slice(mark).filter((e) => e.kind === 'message');
    // The slow-down reply and the ❌ marks of before the restart are not answered again, nor is the chat.
    expect(said.filter((e) => 'message' in e && e.message.referencedMessageId === chat.id)).toEqual([]);
    expect(said.every((e) => 'message' in e && e.message.referencedMessageId === missed.id)).toBe(true);
    const rows = (await h.attempts()).filter((a) => a.userId === carol.id);
    expect(rows.map((r) => [r.verdict, r.part])).toEqual([['correct', '1']]);
  });
});

describe('GIVEN an answer sent before a restart and edited after it', () => {
  it('THEN the edit is graded as a new attempt, though the restarted bot never saw the message', async () => {
    const { fake } = h;
    const bea = fake.user('bea');
    const answer = fake.postMessage({ user: bea, channelId: thread.id, content: WRONG });
    await fake.waitForMessage((m) => m.referencedMessageId === answer.id, 5000);
    await h.restart();
    // As in a busy thread, or one the restarted bot did not read back: the message is not cached.
    const cached = h.bot.client.channels.cache.get(thread.id);
    if (cached?.isThread()) cached.messages.cache.delete(answer.id);
    const since = fake.mark();
    fake.editMessage({ messageId: answer.id, content: `${WRONG} + 0 * x` });
    await fake.waitForMessage((m) => m.referencedMessageId === answer.id, 5000, since);
    const rows = (await h.attempts()).filter((a) => a.externalId.startsWith(`discord:message:${answer.id}`));
    expect(rows.map((r) => r.externalId)).toEqual([
      `discord:message:${answer.id}`,
      expect.stringMatching(new RegExp(`^discord:message:${answer.id}:edit:`)),
    ]);
  });
});

describe('GIVEN a busy thread: an answer edited while the bot was down, then 150 more answers', () => {
  it('THEN catch-up reads back far enough to grade the edit and every answer, each once', async () => {
    const { fake } = h;
    const dan = fake.user('dan');
    const early = fake.postMessage({ user: dan, channelId: thread.id, content: WRONG });
    await fake.waitForMessage((m) => m.referencedMessageId === early.id, 5000);
    await h.bot.stop();
    fake.editMessage({ messageId: early.id, content: `${WRONG} + 0 * w` });
    const later = Array.from(
      { length: 150 },
      (_, i) =>
        fake.postMessage({
          user: fake.user(`busy${i}`),
          channelId: thread.id,
          content: `${WRONG} * ${i + 2}`,
        }).id,
    );
    const caughtUp = () => h.logs.filter((l) => l.includes('quiz threads caught up')).length;
    const before = caughtUp();
    await h.restart();
    await expect.poll(caughtUp, { timeout: 60_000 }).toBeGreaterThan(before);
    const rows = await h.attempts();
    expect(rows.filter((r) => r.externalId.startsWith(`discord:message:${early.id}:edit:`))).toHaveLength(1);
    expect(
      later.filter((id) => rows.filter((r) => r.externalId === `discord:message:${id}`).length === 1),
    ).toHaveLength(150);
  }, 90_000);
});
