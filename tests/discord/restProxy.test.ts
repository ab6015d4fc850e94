import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, WRONG, startHarness, threadOf, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ images: false, restProxy: true });
});
afterAll(async () => {
  await h?.close();
});

describe('GIVEN GRADQUIZ_REST_PROXY set', () => {
  it("THEN every REST request of the bot goes through the proxy, a quiz's flow included", async () => {
    const { fake } = h;
    const quiz = await fake.slashCommand({ user: fake.user('alice'), name: 'quiz', options: { card: CARD } });
    const thread = await threadOf(fake, (await quiz.final(5000)).id);
    const answer = fake.postMessage({ user: fake.user('alice'), channelId: thread.id, content: WRONG });
    await fake.waitForReaction(answer.id, '❌', 5000);
    await fake.waitForMessage((m) => m.referencedMessageId === answer.id, 5000);
    // Login's /gateway/bot, the callback, the thread, the reaction, the reply … all of them via the proxy.
    expect(fake.requests.length).toBeGreaterThanOrEqual(5);
    expect(h.proxy!.requests).toBe(fake.requests.length);
    fake.assertNoErrors();
  });
});
