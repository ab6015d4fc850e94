import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/index.ts';
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

beforeAll(async () => {
  h = await startHarness({
    wrapStore: (store: Store): Store => ({
      ...store,
      answerContext: async (query) => {
        if (broken) throw new Error('a bug, not an outage');
        if (outages > 0) {
          outages--;
          throw refused();
        }
        return store.answerContext(query);
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
  it('THEN the student is told it waits, and it is graded and recorded once when the database is back', async () => {
    const { fake } = h;
    outages = 2;
    const answer = fake.postMessage({ user: fake.user('ada'), channelId: thread.id, content: RIGHT });
    const waiting = await fake.waitForMessage(
      (m) => m.referencedMessageId === answer.id && m.content.includes('database is not answering'),
      5000,
    );
    expect(waiting.content).toContain('no need to send it again');
    await fake.waitForReaction(answer.id, '✅', 5000);
    const rows = (await h.attempts()).filter((a) => a.externalId === `discord:message:${answer.id}`);
    expect(rows.map((r) => r.verdict)).toEqual(['correct']);
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
