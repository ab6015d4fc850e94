import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixedClock } from '../support/testApp.ts';
import { CARD, RIGHT, startHarness, threadOf, type Harness } from './harness.ts';

const DAY = 24 * 60 * 60 * 1000;
const clock = fixedClock(new Date());
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ clock, quizIdleMs: 7 * DAY, idleCheckIntervalMs: 100 });
});
afterAll(async () => {
  await h?.close();
});

describe('GIVEN a quiz nobody answers for the idle time', () => {
  it('THEN it is closed with a line in its thread, the thread archived; an answered one stays open', async () => {
    const { fake } = h;
    const idle = await (
      await fake.slashCommand({ user: fake.user('ada'), name: 'quiz', options: { card: CARD } })
    ).final(5000);
    const busy = await (
      await fake.slashCommand({ user: fake.user('bob'), name: 'quiz', options: { card: CARD } })
    ).final(5000);
    const idleThread = await threadOf(fake, idle.id);
    const busyThread = await threadOf(fake, busy.id);
    clock.advance(5 * DAY);
    const answer = fake.postMessage({ user: fake.user('bob'), channelId: busyThread.id, content: RIGHT });
    await fake.waitForReaction(answer.id, '✅', 5000);
    clock.advance(3 * DAY);

    const line = await fake.waitForMessage(
      (m) => m.channelId === idleThread.id && m.content.startsWith('🔒'),
      5000,
    );
    expect(line.content).toBe(
      '🔒 This quiz is closed: nobody answered it for 7 days. `/quiz` starts a new one.',
    );
    await expect.poll(() => fake.state.channels.get(idleThread.id)?.archived, { timeout: 5000 }).toBe(true);
    const open = await h.app.store.quizzes.open({ limit: 10 });
    expect(open.map((quiz) => quiz.threadId)).toEqual([busyThread.id]);
    expect(
      fake.botEvents.some(
        (e) =>
          e.kind === 'message' && e.message.channelId === busyThread.id && e.message.content.startsWith('🔒'),
      ),
    ).toBe(false);
  });
});
