import { afterAll, beforeAll, expect, it } from 'vitest';
import { textOf } from '../fake-discord/index.ts';
import { CARD, RIGHT, WRONG, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

it('smoke', async () => {
  const { fake } = h;
  const alice = fake.user('alice');
  const res = await fake.slashCommand({ user: alice, name: 'quiz', options: { card: CARD } });
  const card = await res.final(5000);
  console.log(res.type, res.elapsedMs, textOf(card), card.attachments.length);
  const [thread] = fake.threadsOf(fake.channelId);
  expect(thread).toBeDefined();
  const wrong = fake.postMessage({ user: alice, channelId: thread!.id, content: WRONG });
  await fake.waitForReaction(wrong.id, '❌', 5000);
  const r1 = await fake.waitForMessage((m) => m.referencedMessageId === wrong.id, 5000);
  console.log(textOf(r1), r1.attachments.length);
  const right = fake.postMessage({ user: alice, channelId: thread!.id, content: RIGHT });
  await fake.waitForReaction(right.id, '✅', 5000);
  const r2 = await fake.waitForMessage((m) => m.referencedMessageId === right.id, 5000);
  console.log(textOf(r2));
  await fake.waitForDeletion(right.id);
  console.log(await h.attempts());
  console.log(fake.errors);
  const lb = await fake.slashCommand({ user: alice, name: 'leaderboard' });
  console.log(textOf(await lb.final()));
});
