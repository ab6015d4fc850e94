import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quizOfThread, submitAnswer, type Store } from '../../src/app/index.ts';
import type { FakeChannel } from '../fake-discord/index.ts';
import { CARD, RIGHT, startHarness, threadOf, type Harness } from './harness.ts';

/** The failure a driver reports when PostgreSQL is down. */
const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

let h: Harness;
let thread: FakeChannel;
/** While positive, each read of an answer's context fails as if the database were down. */
let outages = 0;
/** While set, the same read fails with an error that has nothing to do with the database. */
let broken = false;
/** While set, every read of a thread's quiz fails as if the database were down; counts the tries. */
let down = false;
let threadLookups = 0;

beforeAll(async () => {
  h = await startHarness({
    wrapStore: (store: Store): Store => ({
      ...store,
      quizzes: {
        ...store.quizzes,
        ofThread: async (threadId) => {
          threadLookups++;
          if (down) throw refused();
          return store.quizzes.ofThread(threadId);
        },
      },
      answers: {
        ...store.answers,
        context: async (query) => {
          if (broken) throw new Error('a bug, not an outage');
          if (outages > 0) {
            outages--;
            throw refused();
          }
          return store.answers.context(query);
        },
      },
    }),
  });
  const res = await h.fake.slashCommand({ user: h.fake.user('ada'), name: 'quiz', options: { card: CARD } });
  const post = await res.final(5000);
  thread = await threadOf(h.fake, post.id);
});
afterAll(async () => {
  await h?.close();
});

describe('GIVEN the database out of reach when an answer arrives', () => {
  it('THEN the answer is marked ⏳, then graded and recorded once when the database is back, with one reply', async () => {
    const { fake } = h;
    outages = 2;
    const since = fake.mark();
    const answer = fake.postMessage({ user: fake.user('ada'), channelId: thread.id, content: RIGHT });
    await fake.waitForReaction(answer.id, '⏳', 5000);
    await fake.waitForReaction(answer.id, '✅', 5000);
    await fake.waitForMessage((m) => m.referencedMessageId === answer.id, 5000, since);
    const rows = (await h.attempts()).filter((a) => a.externalId === `discord:message:${answer.id}`);
    expect(rows.map((r) => r.verdict)).toEqual(['correct']);
    const replies = fake.botEvents
      .slice(since)
      .filter((e) => e.kind === 'message' && e.message.referencedMessageId === answer.id);
    expect(replies).toHaveLength(1);
  });

  it('THEN chat in a quiz thread asks nothing of the store and gets no reply', async () => {
    const { fake } = h;
    down = true;
    threadLookups = 0;
    const since = fake.mark();
    const chat = ['thanks!', 'I do not get part 2, can someone help', 'ok 👍'].map(
      (content) => fake.postMessage({ user: fake.user('cy'), channelId: thread.id, content }).id,
    );
    // An answer-like message after them is looked up (and waits): the chat before it was not.
    const answer = fake.postMessage({ user: fake.user('cy'), channelId: thread.id, content: RIGHT });
    await fake.waitForReaction(answer.id, '⏳', 5000);
    down = false;
    await fake.waitForReaction(answer.id, '✅', 5000);
    expect(threadLookups).toBeGreaterThanOrEqual(2);
    await fake.waitForMessage((m) => m.referencedMessageId === answer.id, 5000, since);
    const lookupsBefore = threadLookups;
    chat.push(
      fake.postMessage({ user: fake.user('cy'), channelId: thread.id, content: 'nice, thank you all' }).id,
    );
    // The gateway delivers in order: once the next answer is answered, the chat before it was seen.
    const next = fake.postMessage({ user: fake.user('cy'), channelId: thread.id, content: '`(y - yhat)`' });
    await fake.waitForMessage((m) => m.referencedMessageId === next.id, 5000, since);
    expect(threadLookups).toBe(lookupsBefore + 1);
    const replies = fake.botEvents
      .slice(since)
      .filter((e) => e.kind === 'message' && chat.includes(e.message.referencedMessageId ?? ''));
    expect(replies).toEqual([]);
  });

  it('THEN an error that is not an outage gets the apology with an error id at once, and no retry', async () => {
    const { fake } = h;
    broken = true;
    const answer = fake.postMessage({ user: fake.user('bob'), channelId: thread.id, content: RIGHT });
    const reply = await fake.waitForMessage((m) => m.referencedMessageId === answer.id, 5000);
    broken = false;
    expect(reply.content).toMatch(/Sorry, something went wrong \(error id [0-9a-f]+\)/);
    expect(reply.content).not.toContain('database');
    expect((await h.attempts()).some((a) => a.externalId === `discord:message:${answer.id}`)).toBe(false);
  });
});

describe('GIVEN the database out of reach when a private answer arrives (found by the soak)', () => {
  it('THEN /answer waits for it and records the answer once, instead of apologising', async () => {
    const { fake } = h;
    outages = 2;
    const res = await fake.slashCommand({
      user: fake.user('dee'),
      name: 'answer',
      channelId: thread.id,
      options: { expression: RIGHT },
    });
    expect((await res.final(5000)).content).toContain('✅');
    const rows = (await h.attempts()).filter(
      (a) => a.externalId === `discord:interaction:${res.interaction.id}`,
    );
    expect(rows.map((r) => r.verdict)).toEqual(['correct']);
  });
});

describe('GIVEN a restart (found by the soak)', () => {
  it('WHEN an answer was still waiting ⏳ for the database THEN catch-up grades it, with one reply', async () => {
    const { fake } = h;
    down = true;
    const answer = fake.postMessage({ user: fake.user('eve'), channelId: thread.id, content: RIGHT });
    await fake.waitForReaction(answer.id, '⏳', 5000);
    const since = fake.mark();
    await h.bot.stop();
    down = false;
    await h.restart();
    await fake.waitForReaction(answer.id, '✅', 10_000);
    await fake.waitForMessage((m) => m.referencedMessageId === answer.id, 5000, since);
    const rows = (await h.attempts()).filter((a) => a.externalId === `discord:message:${answer.id}`);
    expect(rows).toHaveLength(1);
    const replies = fake.botEvents.filter(
      (e) => e.kind === 'message' && e.message.referencedMessageId === answer.id,
    );
    expect(replies).toHaveLength(1);
  });

  it('WHEN an answer was edited while the bot was away THEN the edit is graded after the restart', async () => {
    const { fake } = h;
    const answer = fake.postMessage({
      user: fake.user('fay'),
      channelId: thread.id,
      content: '`(y - yhat) * w`',
    });
    await fake.waitForMessage((m) => m.referencedMessageId === answer.id, 5000);
    await h.bot.stop();
    const edited = fake.editMessage({ messageId: answer.id, content: RIGHT });
    await h.restart();
    await expect
      .poll(
        () =>
          fake.botEvents.filter((e) => e.kind === 'message' && e.message.referencedMessageId === answer.id)
            .length,
        {
          timeout: 10_000,
        },
      )
      .toBe(2);
    const ids = (await h.attempts()).map((a) => a.externalId);
    expect(ids).toContain(`discord:message:${answer.id}:edit:${edited.editedAt!.toISOString()}`);
  });

  it('WHEN an answer was recorded but the bot stopped before replying THEN catch-up replies with its verdict', async () => {
    const { fake } = h;
    await h.bot.stop();
    const answer = fake.postMessage({
      user: fake.user('gus'),
      channelId: thread.id,
      content: '`(y - yhat) * w`',
    });
    // Recorded as the killed bot would have left it: the row is there, the reply is not.
    const quiz = await quizOfThread(h.app, thread.id);
    await submitAnswer(h.app, {
      externalId: `discord:message:${answer.id}`,
      user: { id: answer.author.id, displayName: answer.author.username },
      guildId: quiz!.guildId,
      channelId: quiz!.channelId,
      threadId: thread.id,
      quizId: quiz!.id,
      input: answer.content,
    });
    await h.restart();
    const reply = await fake.waitForMessage((m) => m.referencedMessageId === answer.id, 10_000);
    expect(reply.content).toContain('already recorded');
    expect((await h.attempts()).filter((a) => a.externalId === `discord:message:${answer.id}`)).toHaveLength(
      1,
    );
  });
});
