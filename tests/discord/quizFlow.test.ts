import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf, type FakeChannel, type FakeMessage } from '../fake-discord/index.ts';
import { CARD, RIGHT, WRONG, startHarness, type Harness } from './harness.ts';

/** The custom id of the quiz post's Answer button. */
function answerButtonId(post: FakeMessage): string {
  const row = post.components[0] as { components: { custom_id: string }[] };
  return row.components[0]!.custom_id;
}

let h: Harness;
let thread: FakeChannel;
let post: FakeMessage;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a quiz in a thread', () => {
  it('GIVEN /quiz card THEN the card is posted with its image and a thread is open when it shows', async () => {
    const { fake } = h;
    const res = await fake.slashCommand({ user: fake.user('alice'), name: 'quiz', options: { card: CARD } });
    expect(res.ephemeral).toBe(false);
    post = await res.final(5000);
    // The thread exists as soon as the card is shown: a user can answer at once.
    [thread] = fake.threadsOf(fake.channelId) as [FakeChannel];
    expect(thread).toMatchObject({ id: post.id, parentId: fake.channelId });
    expect(textOf(post)).toContain('Statistical Machine Learning');
    expect(textOf(post)).toContain('Derive the gradient of the loss for a single sample');
    expect(post.embeds[0]?.image?.url).toMatch(/question\.png$/);
    expect(post.attachments.map((a) => a.filename)).toEqual(['question.png']);
    expect(textOf(post)).toContain('Answer');
  });

  it('GIVEN a wrong answer THEN ❌, a reply saying incorrect with the read-back image, and an attempt', async () => {
    const { fake } = h;
    const wrong = fake.postMessage({ user: fake.user('alice'), channelId: thread.id, content: WRONG });
    await fake.waitForReaction(wrong.id, '❌', 5000);
    const reply = await fake.waitForMessage((m) => m.referencedMessageId === wrong.id, 5000);
    expect(reply.content.toLowerCase()).toContain('incorrect');
    expect(reply.attachments.map((a) => a.filename)).toEqual(['answer.png']);
    expect(fake.message(wrong.id)?.deleted).toBe(false);
  });

  it('GIVEN chat in the thread THEN nothing is said and nothing is recorded', async () => {
    const { fake } = h;
    const before = (await h.attempts()).length;
    const mark = fake.mark();
    for (const content of ['hmm, is the sigmoid derivative involved?', 'thanks!', 'is it x^2?']) {
      fake.postMessage({ user: fake.user('alice'), channelId: thread.id, content });
    }
    // An answer after the chat is answered, so the chat was looked at (and left alone) by then.
    const marker = fake.postMessage({ user: fake.user('zed'), channelId: thread.id, content: '`y`' });
    await fake.waitForMessage((m) => m.referencedMessageId === marker.id, 5000);
    const said = fake.botEvents.slice(mark).filter((e) => e.kind === 'message' || e.kind === 'reaction');
    expect(
      said.every(
        (e) => 'message' in e && (e.message.id === marker.id || e.message.referencedMessageId === marker.id),
      ),
    ).toBe(true);
    expect((await h.attempts()).length).toBe(before + 1);
  });

  it('GIVEN the right answer THEN ✅, "solved part 1 — correct (answer hidden)", the answer removed, points', async () => {
    const { fake } = h;
    const right = fake.postMessage({ user: fake.user('alice'), channelId: thread.id, content: RIGHT });
    await fake.waitForReaction(right.id, '✅', 5000);
    const reply = await fake.waitForMessage((m) => m.referencedMessageId === right.id, 5000);
    expect(reply.content).toContain(`<@${fake.user('alice').id}> solved part 1 — correct (answer hidden)`);
    expect(reply.content).toMatch(/\+\d+ points/);
    expect(reply.content).not.toContain('(y - yhat)');
    expect(reply.attachments).toEqual([]);
    await fake.waitForDeletion(right.id);
    const rows = (await h.attempts()).filter((a) => a.userId === fake.user('alice').id);
    expect(rows.map((r) => [r.verdict, r.part])).toEqual([
      ['incorrect', '1'],
      ['correct', '1'],
    ]);
    expect(rows[1]!.externalId).toBe(`discord:message:${right.id}`);
  });

  it('GIVEN /leaderboard THEN the solver is on it with their rank', async () => {
    const { fake } = h;
    const res = await fake.slashCommand({ user: fake.user('alice'), name: 'leaderboard' });
    const board = await res.final(5000);
    expect(board.ephemeral).toBe(false);
    expect(textOf(board)).toContain('Alice');
    expect(textOf(board)).toMatch(/You: #1 with \d+ points/);
  });

  it('GIVEN an edited answer THEN it is graded again as a new attempt, and a redelivered edit counts once', async () => {
    const { fake } = h;
    const bob = fake.user('bob');
    const first = fake.postMessage({ user: bob, channelId: thread.id, content: `||${WRONG}||` });
    await fake.waitForReaction(first.id, '❌', 5000);
    const mark = fake.mark();
    fake.editMessage({ messageId: first.id, content: `||${RIGHT}||` });
    await fake.waitForReaction(first.id, '✅', 5000);
    await fake.waitForDeletion(first.id);
    const rows = (await h.attempts()).filter((a) => a.userId === bob.id);
    expect(rows.map((r) => r.verdict)).toEqual(['incorrect', 'correct']);
    expect(rows[1]!.externalId).toMatch(new RegExp(`^discord:message:${first.id}:edit:\\d{4}-`));
    // The ❌ of the first version is taken back.
    expect(fake.botEvents.slice(mark).some((e) => e.kind === 'unreaction' && e.emoji === '❌')).toBe(true);

    h.fake.redeliver(fake.lastDispatch('MESSAGE_UPDATE'));
    const marker = fake.postMessage({ user: bob, channelId: thread.id, content: '`x`' });
    await fake.waitForMessage((m) => m.referencedMessageId === marker.id, 5000);
    expect(
      (await h.attempts()).filter((a) => a.externalId.startsWith(`discord:message:${first.id}`)),
    ).toHaveLength(2);
  });
});

describe('private answers', () => {
  it('GIVEN /answer by another user in the channel THEN an ephemeral verdict, and the thread only learns who solved', async () => {
    const { fake } = h;
    const carol = fake.user('carol');
    const wrong = await fake.slashCommand({ user: carol, name: 'answer', options: { expression: WRONG } });
    expect(wrong.ephemeral).toBe(true);
    const wrongVerdict = await wrong.final(5000);
    expect(wrongVerdict.ephemeral).toBe(true);
    expect(wrongVerdict.content.toLowerCase()).toContain('incorrect');
    expect(wrongVerdict.attachments.map((a) => a.filename)).toEqual(['answer.png']);

    const mark = fake.mark();
    const right = await fake.slashCommand({ user: carol, name: 'answer', options: { expression: RIGHT } });
    const verdict = await right.final(5000);
    expect(verdict.ephemeral).toBe(true);
    expect(verdict.content).toContain('✅');
    expect(verdict.content.toLowerCase()).toContain('correct');
    // Every private answer that reads gets its read-back, the correct one too.
    expect(verdict.attachments.map((a) => a.filename)).toEqual(['answer.png']);
    const announced = await fake.waitForMessage((m) => m.channelId === thread.id, 5000, mark);
    expect(announced.content).toBe(`✅ <@${carol.id}> solved part 1.`);
    const inThread = fake.botEvents
      .slice(mark)
      .flatMap((e) => (e.kind === 'message' && e.message.channelId === thread.id ? [textOf(e.message)] : []));
    expect(inThread).toEqual([announced.content]);
    expect(fake.messagesIn(thread.id).filter((m) => m.author.id === carol.id)).toEqual([]);

    const rows = (await h.attempts()).filter((a) => a.userId === carol.id);
    expect(rows.map((r) => [r.verdict, r.part])).toEqual([
      ['incorrect', '1'],
      ['correct', '1'],
    ]);
    expect(rows[1]!.externalId).toBe(`discord:interaction:${right.interaction.id}`);
  });

  it('GIVEN the Answer button THEN a modal, and its submit is graded privately on that quiz', async () => {
    const { fake } = h;
    const dave = fake.user('dave');
    const shown = await fake.clickButton({ user: dave, messageId: post.id, customId: answerButtonId(post) });
    expect(shown.type).toBe(9);
    const submitted = await fake.submitModal({
      user: dave,
      customId: shown.modal!.customId,
      fields: { expression: '(y - sigma(w^T x)) x' },
    });
    expect(submitted.ephemeral).toBe(true);
    expect((await submitted.final(5000)).content).toContain('✅');
    const rows = (await h.attempts()).filter((a) => a.userId === dave.id);
    expect(rows).toMatchObject([
      { verdict: 'correct', part: '1', externalId: `discord:interaction:${submitted.interaction.id}` },
    ]);
  });

  it('GIVEN an answer that does not read THEN ❓ "could not read", costing nothing', async () => {
    const { fake } = h;
    const res = await fake.slashCommand({
      user: fake.user('dave'),
      name: 'answer',
      options: { expression: '(y - yhat * x' },
    });
    const verdict = await res.final(5000);
    expect(verdict.content).toContain('❓');
    expect(verdict.content.toLowerCase()).toContain('could not read');
    expect(verdict.attachments).toEqual([]);
  });
});

describe('hints and solutions', () => {
  it('GIVEN /hint THEN the next hint, privately', async () => {
    const { fake } = h;
    const res = await fake.slashCommand({ user: fake.user('erin'), name: 'hint', channelId: thread.id });
    const hint = await res.final(5000);
    expect(hint.ephemeral).toBe(true);
    expect(hint.content).toContain('Hint 1/3 for part 1');
  });

  it('GIVEN /hint once the card hints run out THEN the next step of the derivation', async () => {
    const { fake } = h;
    const ask = async () =>
      (await fake.slashCommand({ user: fake.user('erin'), name: 'hint', channelId: thread.id })).final(5000);
    await ask();
    await ask();
    const fourth = await ask();
    expect(fourth.ephemeral).toBe(true);
    expect(fourth.content).toContain('No more hints for part 1');
    expect(fourth.content).toContain('step 1/3');
    expect(fourth.content).toContain('∂ℓ/∂yhat');
  });

  it('GIVEN /solution before solving THEN it is private and the card is given up', async () => {
    const { fake } = h;
    const res = await fake.slashCommand({ user: fake.user('erin'), name: 'solution', channelId: thread.id });
    const solution = await res.final(5000);
    expect(solution.ephemeral).toBe(true);
    expect(solution.content).toContain('gave up parts 1, 2');
    expect(solution.attachments.map((a) => a.filename)).toEqual(['solution.png']);
  });

  it('GIVEN /solution after solving every part THEN it is posted for everyone', async () => {
    const { fake } = h;
    const alice = fake.user('alice');
    const part2 = fake.postMessage({ user: alice, channelId: thread.id, content: '`(y - yhat) x`' });
    const reply = await fake.waitForMessage((m) => m.referencedMessageId === part2.id, 5000);
    expect(reply.content).toContain('solved part 2 — correct (answer hidden)');
    expect(reply.content).toContain('Every part of this card is solved');
    const res = await fake.slashCommand({ user: alice, name: 'solution', channelId: thread.id });
    expect((await res.final(5000)).ephemeral).toBe(true);
    const shown = await res.followup(0, 5000);
    expect(shown.ephemeral).toBe(false);
    expect(shown.attachments.map((a) => a.filename)).toEqual(['solution.png']);
  });
});

describe('/step', () => {
  it('GIVEN /step THEN the next derivative of the chain, and /step answer: grades it as a step', async () => {
    const fay = h.fake.user('fay');
    const asked = await (
      await h.fake.slashCommand({ user: fay, name: 'step', channelId: thread.id })
    ).final(5000);
    expect(asked.ephemeral).toBe(true);
    expect(asked.content).toMatch(/Part 1, step 1\/\d: what is \*\*∂ℓ\/∂/);
    const res = await h.fake.slashCommand({
      user: fay,
      name: 'step',
      channelId: thread.id,
      options: { answer: 'y/yhat - (1-y)/(1-yhat)' },
    });
    expect((await res.final(5000)).content).toContain('✅');
    const rows = (await h.attempts()).filter((a) => a.userId === fay.id);
    expect(rows).toMatchObject([
      { verdict: 'correct', externalId: `discord:interaction:${res.interaction.id}` },
    ]);
  });
});

describe('the other commands', () => {
  it('GIVEN autocomplete on card THEN matching cards', async () => {
    const res = await h.fake.autocomplete({
      user: h.fake.user('alice'),
      name: 'quiz',
      options: { card: 'batch6' },
      focused: 'card',
    });
    expect(res.choices?.map((c) => c.value)).toContain(CARD);
  });

  it('GIVEN /quiz on an unknown card THEN a private explanation and no quiz', async () => {
    const res = await h.fake.slashCommand({
      user: h.fake.user('alice'),
      name: 'quiz',
      options: { card: 'nope' },
    });
    expect(res.ephemeral).toBe(true);
    expect(res.content).toContain('I have no card `nope`');
  });

  it('GIVEN /progress, /review, /help THEN private answers', async () => {
    const alice = h.fake.user('alice');
    const progress = await (await h.fake.slashCommand({ user: alice, name: 'progress' })).final(5000);
    expect(progress.ephemeral).toBe(true);
    expect(textOf(progress)).toContain(`Solved cards: **1** (\`${CARD}\`)`);
    const review = await (await h.fake.slashCommand({ user: alice, name: 'review' })).final(5000);
    expect(review.ephemeral).toBe(true);
    expect(review.content).toMatch(/Next review: `ssu_batch6_005`/);
    const help = await h.fake.slashCommand({ user: alice, name: 'help' });
    expect(help.ephemeral).toBe(true);
    expect(help.content).toContain('/answer');
  });

  it('GIVEN /privacy leaderboard off THEN the user leaves the leaderboard, and reads that exports still name them', async () => {
    const alice = h.fake.user('alice');
    const reply = await (
      await h.fake.slashCommand({
        user: alice,
        name: 'privacy',
        subcommand: 'leaderboard',
        options: { show: 'off' },
      })
    ).final(5000);
    expect(textOf(reply)).toContain('exports name every student who has not deleted their data');
    const board = await (
      await h.fake.slashCommand({ user: h.fake.user('carol'), name: 'leaderboard' })
    ).final(5000);
    expect(textOf(board)).not.toContain('Alice');
    expect(textOf(board)).toContain('Carol');
  });

  it('GIVEN /privacy delete and a confirmation THEN the user’s rows are gone', async () => {
    const dave = h.fake.user('dave');
    const asked = await h.fake.slashCommand({ user: dave, name: 'privacy', subcommand: 'delete' });
    expect(asked.ephemeral).toBe(true);
    expect(textOf(asked.message()!)).toContain('you leave the statistics and every later export too');
    const done = await h.fake.clickButton({
      user: dave,
      messageId: asked.message()!.id,
      customId: 'delete-data:yes',
    });
    expect((await done.final(5000)).content).toContain('your data is deleted');
    expect((await h.attempts()).filter((a) => a.userId === dave.id)).toEqual([]);
  });

  it('GIVEN every interaction of this file THEN each was acknowledged within 3 s, and Discord refused nothing', () => {
    const callbacks = [...h.fake.state.interactions.values()].map((i) => i.callback);
    expect(callbacks.every((c) => c !== null && c.elapsedMs < 3000)).toBe(true);
    h.fake.assertNoErrors();
    expect(h.logs.join('')).not.toContain(h.fake.token);
  });
});
