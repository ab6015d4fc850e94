import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf, type FakeChannel, type FakeMessage, type FakeUser } from '../fake-discord/index.ts';
import { fixedClock } from '../support/testApp.ts';
import { buttonIds, CARD, RIGHT, startHarness, threadOf, until, type Harness } from './harness.ts';

/** A `type: concept` card with a `# Solution`, and a `type: definition` card without one. */
const CONCEPT = 'fc_bias_variance';
const DEFINITION = 'fc_kl_divergence';
/** Low enough that seven ratings would hit it if they counted as answers. */
const ANSWERS_PER_MINUTE = 6;

let h: Harness;
let post: FakeMessage;
let thread: FakeChannel;
let quizId: string;
/** The bot's clock: the review test moves it on. */
const clock = fixedClock(new Date());

beforeAll(async () => {
  h = await startHarness({
    seedDirs: ['seeds', 'tests/fixtures/flashcards'],
    answersPerMinute: ANSWERS_PER_MINUTE,
    clock,
  });
});
afterAll(async () => {
  await h?.close();
});

/** Posts a flashcard with `/quiz card:` and returns the settled post. */
async function postFlashcard(user: FakeUser, card: string, channelId?: string): Promise<FakeMessage> {
  const res = await h.fake.slashCommand({
    user,
    name: 'quiz',
    options: { card },
    ...(channelId ? { channelId } : {}),
  });
  return res.final(5000);
}

/** Presses Show answer on a quiz post: the private reveal, settled. */
async function reveal(user: FakeUser, quizPost: FakeMessage) {
  const click = await h.fake.clickButton({ user, messageId: quizPost.id, customId: buttonIds(quizPost)[0]! });
  expect(click.ephemeral).toBe(true);
  return click.final(5000);
}

/** Presses a rating button of a reveal; returns the click and the reveal as it is after. */
async function rate(user: FakeUser, revealed: FakeMessage, label: 'Again' | 'Hard' | 'Good' | 'Easy') {
  const index = ['Again', 'Hard', 'Good', 'Easy'].indexOf(label);
  const customId = buttonIds(revealed)[index]!;
  const click = await h.fake.clickButton({ user, messageId: revealed.id, customId });
  return { click, after: await click.final(5000) };
}

const rowsOf = async (user: FakeUser) => (await h.attempts()).filter((row) => row.userId === user.id);

describe('a flashcard', () => {
  it('GIVEN /quiz card:<flashcard> THEN it is posted with its image, says it is a flashcard, and has Show answer', async () => {
    const { fake } = h;
    const res = await fake.slashCommand({
      user: fake.user('alice'),
      name: 'quiz',
      options: { card: CONCEPT },
    });
    expect(res.ephemeral).toBe(false);
    post = await res.final(5000);
    thread = await threadOf(fake, post.id);
    const text = textOf(post);
    expect(text).toContain('Flashcard');
    expect(text).toContain('Show answer');
    expect(text).toContain('rate your recall');
    expect(post.embeds[0]?.image?.url).toMatch(/question\.png$/);
    expect(post.attachments.map((a) => a.filename)).toEqual(['question.png']);
    const [show, latex, ...others] = buttonIds(post);
    expect(show).toMatch(/^reveal:/);
    expect(latex).toBe(`latex:question:${CONCEPT}`);
    expect(others).toEqual([]);
    quizId = show!.slice('reveal:'.length);
    fake.assertNoErrors();
  });

  it('GIVEN Show answer THEN the solution is shown privately, drawn, with Again / Hard / Good / Easy; nothing is recorded', async () => {
    const { fake } = h;
    const mark = fake.mark();
    const revealed = await reveal(fake.user('bob'), post);
    expect(revealed.ephemeral).toBe(true);
    expect(revealed.content).toContain(`Answer of \`${CONCEPT}\`, just for you`);
    expect(revealed.content).toContain('How well did you recall it?');
    expect(revealed.embeds[0]?.image?.url).toMatch(/solution\.png$/);
    expect(buttonIds(revealed)).toEqual([
      `rate:${quizId}:1`,
      `rate:${quizId}:2`,
      `rate:${quizId}:3`,
      `rate:${quizId}:4`,
      `latex:solution:${CONCEPT}`,
    ]);
    expect(textOf(revealed)).toMatch(/Again[\s\S]*Hard[\s\S]*Good[\s\S]*Easy/);
    expect(await h.attempts()).toEqual([]);
    // Nobody else saw anything.
    expect(fake.botEvents.slice(mark).some((e) => e.kind === 'message' && !e.message.ephemeral)).toBe(false);
    fake.assertNoErrors();
  });

  it('GIVEN Good THEN exactly one self_rated attempt (rating 3, 0 points) and when the card comes back; a redelivered click is still one row', async () => {
    const { fake } = h;
    const bob = fake.user('bob');
    const revealed = await reveal(bob, post);
    const { click, after } = await rate(bob, revealed, 'Good');
    expect(after.id).toBe(revealed.id);
    expect(after.ephemeral).toBe(true);
    expect(after.content).toContain(`Recorded: **Good** for \`${CONCEPT}\``);
    expect(after.content).toMatch(/comes back for review <t:\d+:R>/);
    // The solution stays; the rating buttons give way (one reveal, one rating).
    expect(after.embeds[0]?.image?.url).toMatch(/solution\.png$/);
    expect(buttonIds(after)).toEqual([`latex:solution:${CONCEPT}`]);

    const rows = await rowsOf(bob);
    expect(rows).toEqual([
      expect.objectContaining({
        externalId: `discord:interaction:${click.interaction.id}`,
        verdict: 'self_rated',
        cardId: CONCEPT,
        part: '1',
        input: 'good',
        rating: 3,
        points: 0,
      }),
    ]);
    const due = await h.db.prisma.progress.findFirst({ where: { userId: bob.id, cardId: CONCEPT } });
    expect(after.content).toContain(`<t:${Math.floor(due!.due!.getTime() / 1000)}:R>`);

    fake.redeliver(fake.lastDispatch('INTERACTION_CREATE'));
    // Discord refuses to acknowledge an interaction twice: the bot's deferral fails, then its apology.
    await until(() => fake.errors.length >= 2, 'the redelivered click is turned away');
    expect(fake.takeErrors().map((e) => e.code)).toEqual([40060, 40060]);
    expect(await rowsOf(bob)).toHaveLength(1);
  });

  it('GIVEN seven ratings within a minute THEN all are recorded: ratings are not answers for the rate limit', async () => {
    const { fake } = h;
    const dave = fake.user('dave');
    for (let i = 0; i < ANSWERS_PER_MINUTE + 1; i++) {
      const { after } = await rate(dave, await reveal(dave, post), i % 2 ? 'Easy' : 'Hard');
      expect(after.content).toContain('Recorded:');
    }
    const rows = await rowsOf(dave);
    expect(rows.map((row) => [row.verdict, row.rating])).toEqual(
      Array.from({ length: ANSWERS_PER_MINUTE + 1 }, (_, i) => ['self_rated', i % 2 ? 4 : 2]),
    );
    fake.assertNoErrors();
  });

  it('GIVEN messages in a flashcard thread THEN no reply, no mark, nothing recorded — even ones that read as answers', async () => {
    const { fake } = h;
    const numeric = await (
      await fake.slashCommand({ user: fake.user('carol'), name: 'quiz', options: { card: CARD } })
    ).final(5000);
    const numericThread = await threadOf(fake, numeric.id);
    const before = (await h.attempts()).length;
    const mark = fake.mark();
    for (const content of ['is the noise term really irreducible?', '`(y - yhat) * x`', '||bias^2 + var||']) {
      fake.postMessage({ user: fake.user('alice'), channelId: thread.id, content });
    }
    // A numeric answer after the chat is answered, so the flashcard thread's messages were looked at by then.
    const marker = fake.postMessage({ user: fake.user('zed'), channelId: numericThread.id, content: '`y`' });
    await fake.waitForMessage((m) => m.referencedMessageId === marker.id, 5000);
    const said = fake.botEvents
      .slice(mark)
      .filter(
        (e) =>
          (e.kind === 'message' || e.kind === 'reaction') &&
          'message' in e &&
          e.message.channelId === thread.id,
      );
    expect(said).toEqual([]);
    expect((await h.attempts()).length).toBe(before + 1);
  });

  it('GIVEN /hint, /step, /answer in a flashcard thread THEN each says the card is a flashcard, privately', async () => {
    const { fake } = h;
    const alice = fake.user('alice');
    const asked = async (name: string, options?: Record<string, string>) => {
      const res = await fake.slashCommand({
        user: alice,
        name,
        channelId: thread.id,
        ...(options ? { options } : {}),
      });
      expect(res.ephemeral).toBe(true);
      return (await res.final(5000)).content;
    };
    expect(await asked('hint')).toContain('flashcard: it has no hints');
    expect(await asked('step')).toContain('flashcard: it has no derivation steps');
    expect(await asked('answer', { expression: RIGHT })).toContain(
      'This card is a flashcard: nothing to type. Press **Show answer**',
    );
    expect((await rowsOf(alice)).length).toBe(0);
    fake.assertNoErrors();
  });

  it('GIVEN /solution in a flashcard thread THEN the same private reveal with the rating buttons', async () => {
    const { fake } = h;
    const res = await fake.slashCommand({ user: fake.user('erin'), name: 'solution', channelId: thread.id });
    const revealed = await res.final(5000);
    expect(revealed.ephemeral).toBe(true);
    expect(revealed.content).toContain(`Answer of \`${CONCEPT}\``);
    expect(buttonIds(revealed).slice(0, 4)).toEqual([1, 2, 3, 4].map((r) => `rate:${quizId}:${r}`));
  });

  it('GIVEN a flashcard without a solution THEN the reveal says so and it can still be rated', async () => {
    const { fake } = h;
    const frank = fake.user('frank');
    const definition = await postFlashcard(frank, DEFINITION);
    const revealed = await reveal(frank, definition);
    expect(revealed.content).toContain('This card has no written solution');
    expect(textOf(revealed)).toContain('This card has no written solution.');
    expect(revealed.attachments).toEqual([]);
    expect(buttonIds(revealed).map((id) => id.replace(/:.*:/, ':…:'))).toEqual([
      'rate:…:1',
      'rate:…:2',
      'rate:…:3',
      'rate:…:4',
    ]);
    const { after } = await rate(frank, revealed, 'Again');
    expect(after.content).toContain(`Recorded: **Again** for \`${DEFINITION}\``);
    expect(buttonIds(after)).toEqual([]);
    expect((await rowsOf(frank)).map((row) => [row.cardId, row.rating])).toEqual([[DEFINITION, 1]]);
    fake.assertNoErrors();
  });

  it('GIVEN a rating button whose quiz id was forged from another server THEN nothing is recorded', async () => {
    const { fake } = h;
    const { channel } = fake.createGuild('Elsewhere');
    const mallory = fake.user('mallory');
    await until(() => h.bot.client.channels.cache.has(channel.id), 'the bot joins the other server');
    const theirs = await reveal(mallory, await postFlashcard(mallory, DEFINITION, channel.id));
    // A modified client sends the main server's quiz id in a button of its own server's message.
    const stored = fake.message(theirs.id)!;
    const row = stored.components[0] as { components: { custom_id: string }[] };
    row.components[2]!.custom_id = `rate:${quizId}:3`;
    const { after } = await rate(mallory, stored, 'Good');
    expect(after.content).toContain('There is no open quiz here');
    expect(await rowsOf(mallory)).toEqual([]);
    fake.assertNoErrors();
  });

  it('GIVEN /leaderboard THEN a student who only rated flashcards is not on it', async () => {
    const { fake } = h;
    const carol = fake.user('carol');
    const numericThread = fake.threadsOf(fake.channelId).find((t) => t.name.startsWith(CARD))!;
    const solved = await fake.slashCommand({
      user: carol,
      name: 'answer',
      channelId: numericThread.id,
      options: { expression: RIGHT },
    });
    expect((await solved.final(5000)).content).toContain('✅');
    const board = await (
      await fake.slashCommand({ user: fake.user('bob'), name: 'leaderboard' })
    ).final(5000);
    expect(textOf(board)).toContain('Carol');
    expect(textOf(board)).not.toContain('Bob');
    expect(textOf(board)).not.toContain('Dave');
    expect(textOf(board)).toContain('You have no points in this period');
  });

  it('GIVEN /progress THEN a rated flashcard counts; GIVEN /review once it is due THEN Quiz me posts it with Show answer', async () => {
    const { fake } = h;
    const frank = fake.user('frank');
    const report = await (await fake.slashCommand({ user: fake.user('bob'), name: 'progress' })).final(5000);
    expect(textOf(report)).toContain(`Solved cards: **1** (\`${CONCEPT}\`)`);
    // A rating is not an answer: "Attempts" counts graded answers only.
    expect(textOf(report)).toContain('Attempts: 0');

    clock.advance(2 * 24 * 60 * 60 * 1000);
    const review = await (await fake.slashCommand({ user: frank, name: 'review' })).final(5000);
    expect(review.ephemeral).toBe(true);
    expect(review.content).toContain(`the flashcard \`${DEFINITION}\` is due for review`);
    const [quizMe] = buttonIds(review);
    const posted = await (
      await fake.clickButton({ user: frank, messageId: review.id, customId: quizMe! })
    ).final(5000);
    expect(posted.ephemeral).toBe(false);
    expect(buttonIds(posted)[0]).toMatch(/^reveal:/);
    expect(textOf(posted)).toContain('Flashcard');
    fake.assertNoErrors();
  });

  it('GIVEN /help THEN it says which cards are typed and which are revealed and rated', async () => {
    const res = await h.fake.slashCommand({ user: h.fake.user('alice'), name: 'help' });
    expect(res.ephemeral).toBe(true);
    expect(res.content).toContain('numeric cards');
    expect(res.content).toContain('you type an answer');
    expect(res.content).toContain('flashcards');
    expect(res.content).toContain('press **Show answer**, then rate yourself Again / Hard / Good / Easy');
  });

  it('GIVEN /quizadmin preview of a flashcard THEN its question and solution, and that it is self-graded', async () => {
    const { fake } = h;
    const res = await fake.slashCommand({
      user: fake.user('ada', { permissions: PermissionFlagsBits.ManageGuild }),
      name: 'quizadmin',
      subcommand: 'preview',
      options: { card: CONCEPT },
    });
    const preview = await res.final(5000);
    expect(preview.ephemeral).toBe(true);
    expect(preview.attachments.map((a) => a.filename)).toEqual(['question.png', 'solution.png']);
    expect(textOf(preview)).toContain(
      'Flashcard (`concept`): students reveal the solution and rate their recall',
    );
    fake.assertNoErrors();
  });

  it('GIVEN /quizadmin stats of a rated flashcard THEN its ratings spread and a chart of them — never wrong answers', async () => {
    const { fake } = h;
    const rated = (await h.attempts()).filter(
      (row) => row.cardId === CONCEPT && row.verdict === 'self_rated',
    );
    const count = (rating: number) => rated.filter((row) => row.rating === rating).length;
    expect(count(3)).toBeGreaterThan(0);
    const res = await fake.slashCommand({
      user: fake.user('ada', { permissions: PermissionFlagsBits.ManageGuild }),
      name: 'quizadmin',
      subcommand: 'stats',
      options: { card: CONCEPT, period: 'all' },
    });
    const reply = await res.final(10_000);
    expect(res.ephemeral).toBe(true);
    const text = textOf(reply);
    expect(text).toContain('Flashcards (self-rated recall)');
    expect(text).toContain(
      `\`${CONCEPT}\` — again ${count(1)} · hard ${count(2)} · good ${count(3)} · easy ${count(4)}`,
    );
    expect(text).not.toContain('wrong answers');
    const [chart] = reply.attachments;
    expect(chart?.filename).toBe('stats.png');
    expect(chart?.description).toContain(`Bar chart: Self-ratings of ${CONCEPT}.\nagain: ${count(1)} rating`);
    fake.assertNoErrors();
  });
});

describe('the daily quiz of a deck of flashcards', () => {
  let daily: Harness;
  const dailyClock = fixedClock(new Date('2026-03-04T09:00:00Z'));

  beforeAll(async () => {
    daily = await startHarness({
      seedDirs: ['tests/fixtures/flashcards'],
      clock: dailyClock,
      dailyIntervalMs: 25,
      images: false,
    });
  });
  afterAll(async () => {
    await daily?.close();
  });

  it('GIVEN a daily time reached THEN a flashcard is posted, as text without a renderer, with Show answer', async () => {
    const { fake } = daily;
    const res = await fake.slashCommand({
      user: fake.user('ada', { permissions: PermissionFlagsBits.ManageGuild }),
      name: 'quizadmin',
      subcommand: 'daily set',
      options: { channel: fake.channel(fake.channelId), time: '09:00' },
    });
    await res.final(5000);
    const post = await fake.waitForMessage((m) => m.content.includes('Daily quiz'), 5000);
    await threadOf(fake, post.id);
    expect(textOf(post)).toContain('Flashcard');
    expect(textOf(post)).toMatch(/Kullback|bias–variance/);
    expect(buttonIds(post)[0]).toMatch(/^reveal:/);
    const revealed = await (
      await fake.clickButton({ user: fake.user('bob'), messageId: post.id, customId: buttonIds(post)[0]! })
    ).final(5000);
    expect(buttonIds(revealed).slice(0, 4)).toEqual(
      [1, 2, 3, 4].map((r) => buttonIds(post)[0]!.replace('reveal:', 'rate:') + `:${r}`),
    );
    fake.assertNoErrors();
  });
});
