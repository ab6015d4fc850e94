import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeChannel, FakeMessage } from '../fake-discord/index.ts';
import { buttonIds, CARD, RIGHT, startHarness, type Harness } from './harness.ts';

/** The code blocks of some messages, joined: the source as the student copies it. */
function codeOf(messages: readonly { content: string }[]): string {
  return messages
    .map((m) => /```latex\n([\s\S]*)\n```$/.exec(m.content)?.[1] ?? '')
    .join('\n')
    .trim();
}

let h: Harness;
let post: FakeMessage;
let thread: FakeChannel;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the LaTeX button', () => {
  it('GIVEN a quiz post THEN its LaTeX button, next to Answer, gives the question source privately', async () => {
    const { fake } = h;
    const res = await fake.slashCommand({ user: fake.user('alice'), name: 'quiz', options: { card: CARD } });
    post = await res.final(5000);
    [thread] = fake.threadsOf(fake.channelId) as [FakeChannel];
    const ids = buttonIds(post);
    expect(ids[0]).toMatch(/^answer:/);
    expect(ids[1]).toBe(`latex:question:${CARD}`);

    const click = await fake.clickButton({ user: fake.user('bob'), messageId: post.id, customId: ids[1]! });
    expect(click.ephemeral).toBe(true);
    const content = click.content ?? '';
    expect(content).toContain(`The question of \`${CARD}\``);
    expect(content).toContain('```latex\n');
    expect(content).toContain('\\sigma(s) = \\frac{1}{1+e^{-s}}');
    expect(content).toContain('$$ \\ell(y, \\hat{y}) = y \\log \\hat{y} + (1-y) \\log(1-\\hat{y}). $$');
    expect(content.length).toBeLessThanOrEqual(2000);
    // Nothing public was said.
    expect(fake.messagesIn(fake.channelId).map((m) => m.id)).toEqual([post.id]);
    fake.assertNoErrors();
  });

  it('GIVEN a public /solution THEN its LaTeX button gives the whole source, split under 2000 characters', async () => {
    const { fake } = h;
    const alice = fake.user('alice');
    for (const [answer, part] of [
      [RIGHT, '1'],
      ['(y - yhat) x', '2'],
    ] as const) {
      const message = fake.postMessage({ user: alice, channelId: thread.id, content: `\`${answer}\`` });
      const reply = await fake.waitForMessage((m) => m.referencedMessageId === message.id, 5000);
      expect(reply.content).toContain(`solved part ${part}`);
    }
    const res = await fake.slashCommand({ user: alice, name: 'solution', channelId: thread.id });
    await res.final(5000);
    const shown = await res.followup(0, 5000);
    expect(shown.ephemeral).toBe(false);
    expect(shown.attachments.map((a) => a.filename)).toEqual(['solution.png']);
    const [latex] = buttonIds(shown);
    expect(latex).toBe(`latex:solution:${CARD}`);

    const click = await fake.clickButton({ user: fake.user('carol'), messageId: shown.id, customId: latex! });
    expect(click.ephemeral).toBe(true);
    // The first card's solution is longer than one message: the rest follows, privately too.
    const rest = [await click.followup(0, 5000)];
    const messages = [{ content: click.content ?? '' }, ...rest, ...click.followups().slice(1)];
    for (const m of messages) expect(m.content.length).toBeLessThanOrEqual(2000);
    expect(rest.every((m) => m.ephemeral)).toBe(true);
    const card = h.app.catalog.get(CARD);
    expect(codeOf(messages)).toBe(card?.solution?.trim());
    expect(codeOf(messages)).toContain('$$ \\nabla \\ell(w) = (y - \\hat{y}) x $$');
    fake.assertNoErrors();
  });
});
