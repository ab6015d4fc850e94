import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FakeChannel } from '../fake-discord/index.ts';
import { CARD, RIGHT, startHarness, threadOf, type Harness } from './harness.ts';

let h: Harness;
let thread: FakeChannel;

beforeAll(async () => {
  h = await startHarness();
  const post = await (
    await h.fake.slashCommand({ user: h.fake.user('ada'), name: 'quiz', options: { card: CARD } })
  ).final(5000);
  thread = await threadOf(h.fake, post.id);
});
afterAll(async () => {
  await h?.close();
});

/** The bot's replies to `messageId`, once a later answer has been answered (the gateway is ordered). */
async function repliesTo(messageId: string): Promise<number> {
  const { fake } = h;
  const marker = fake.postMessage({
    user: fake.user('zed'),
    channelId: thread.id,
    content: '`(y - yhat) * w`',
  });
  await fake.waitForMessage((m) => m.referencedMessageId === marker.id, 5000);
  return fake.botEvents.filter((e) => e.kind === 'message' && e.message.referencedMessageId === messageId)
    .length;
}

describe('GIVEN an answer the bot replies to without recording it (every part already solved)', () => {
  it('THEN a redelivered event, before and after a restart, gets no second reply', async () => {
    const { fake } = h;
    const ada = fake.user('ada');
    for (const content of [RIGHT, '`(y - yhat) x`']) {
      const answer = fake.postMessage({ user: ada, channelId: thread.id, content });
      await fake.waitForMessage((m) => m.referencedMessageId === answer.id, 5000);
    }
    const extra = fake.postMessage({ user: ada, channelId: thread.id, content: RIGHT });
    const reply = await fake.waitForMessage((m) => m.referencedMessageId === extra.id, 5000);
    expect(reply.content).toContain('You have solved every part');
    const delivery = fake.dispatches.find((d) => d.t === 'MESSAGE_CREATE' && d.d['id'] === extra.id);
    if (delivery === undefined) throw new Error('the answer was never dispatched');

    fake.redeliver(delivery);
    expect(await repliesTo(extra.id)).toBe(1);
    await h.restart();
    fake.redeliver(delivery);
    expect(await repliesTo(extra.id)).toBe(1);
  });
});
