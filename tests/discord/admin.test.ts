import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BOT_PERMISSIONS, textOf, type FakeChannel } from '../fake-discord/index.ts';
import { claimDailyQuiz, dailyQuizzesDue } from '../../src/app/index.ts';
import { fixedClock } from '../support/testApp.ts';
import { CARD, RIGHT, startHarness, type Harness } from './harness.ts';

const clock = fixedClock(new Date('2026-03-04T08:59:00Z'));
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    clock,
    dailyIntervalMs: 25,
    images: false,
    // The error carries the token, as a careless library might: the log must not.
    reloadCards: () => Promise.reject(new Error(`disk on fire while holding ${h.fake.token}`)),
  });
});
afterAll(async () => {
  await h?.close();
});

const admin = () => h.fake.user('ada', { permissions: PermissionFlagsBits.ManageGuild });

async function quizThread(user = h.fake.user('alice')): Promise<{ thread: FakeChannel; postText: string }> {
  const res = await h.fake.slashCommand({ user, name: 'quiz', options: { card: CARD } });
  const post = await res.final(5000);
  return { thread: h.fake.channel(post.id), postText: textOf(post) };
}

describe('/quizadmin', () => {
  it('GIVEN a member without Manage Server THEN refused, privately, and nothing changes', async () => {
    const res = await h.fake.slashCommand({
      user: h.fake.user('mallory'),
      name: 'quizadmin',
      subcommand: 'hide',
      options: { mode: 'spoiler' },
    });
    expect(res.ephemeral).toBe(true);
    expect(res.content).toContain('Manage Server');
    expect((await h.app.store.guilds.get(h.fake.guildId)).hideMode).toBe('delete');
  });

  it('GIVEN channels add THEN quizzes elsewhere are refused until the channel is removed', async () => {
    const other = h.fake.createChannel('homework');
    const added = await h.fake.slashCommand({
      user: admin(),
      name: 'quizadmin',
      subcommand: 'channels add',
      options: { channel: other },
    });
    expect((await added.final(5000)).content).toContain(`<#${other.id}>`);
    const refused = await (
      await h.fake.slashCommand({ user: h.fake.user('alice'), name: 'quiz', options: { card: CARD } })
    ).final(5000);
    expect(refused.content).toContain('not posted in this channel');
    await (
      await h.fake.slashCommand({
        user: admin(),
        name: 'quizadmin',
        subcommand: 'channels remove',
        options: { channel: other },
      })
    ).final(5000);
    const listed = await (
      await h.fake.slashCommand({ user: admin(), name: 'quizadmin', subcommand: 'channels list' })
    ).final(5000);
    expect(listed.content).toBe('Quizzes are allowed in every channel.');
  });

  it('GIVEN timezone THEN a known zone is kept and an unknown one explained', async () => {
    const bad = await h.fake.slashCommand({
      user: admin(),
      name: 'quizadmin',
      subcommand: 'timezone',
      options: { zone: 'Mars/Olympus' },
    });
    expect(bad.content).toContain('not a time zone');
    const good = await h.fake.slashCommand({
      user: admin(),
      name: 'quizadmin',
      subcommand: 'timezone',
      options: { zone: 'Europe/Prague' },
    });
    expect((await good.final(5000)).content).toContain('Europe/Prague');
    expect((await h.app.store.guilds.get(h.fake.guildId)).timeZone).toBe('Europe/Prague');
  });

  it('GIVEN daily set at the local time THEN one quiz is posted with its thread, once', async () => {
    const { fake } = h;
    // 08:59 UTC is 09:59 in Prague: the daily time is a minute ahead.
    const res = await fake.slashCommand({
      user: admin(),
      name: 'quizadmin',
      subcommand: 'daily set',
      options: { channel: fake.channel(fake.channelId), time: '10:00' },
    });
    expect((await res.final(5000)).content).toContain('10:00 (Europe/Prague)');
    // What every tick of the scheduler asks: not yet due, so nothing is posted.
    const due = () => dailyQuizzesDue(h.app, { guildIds: [fake.guildId] });
    expect(await due()).toEqual([]);
    clock.advance(60_000);
    const daily = await fake.waitForMessage((m) => m.content.includes('Daily quiz'), 5000);
    await fake.waitFor((e) => e.kind === 'thread' && e.thread.id === daily.id, 5000);
    // Posted today: still due by the clock, but claimed and completed, so no later tick posts it again.
    const [today] = await due();
    expect(today).toEqual({ guildId: fake.guildId, channelId: fake.channelId, date: '2026-03-04' });
    expect(await claimDailyQuiz(h.app, today!)).toEqual({ kind: 'taken' });
    expect(fake.messagesIn(fake.channelId).filter((m) => m.content.includes('Daily quiz'))).toHaveLength(1);
    await (
      await fake.slashCommand({ user: admin(), name: 'quizadmin', subcommand: 'daily off' })
    ).final(5000);
  });

  it('GIVEN preview THEN the card with its answers, privately (as text without a renderer)', async () => {
    const res = await h.fake.slashCommand({
      user: admin(),
      name: 'quizadmin',
      subcommand: 'preview',
      options: { card: CARD },
    });
    const preview = await res.final(5000);
    expect(preview.ephemeral).toBe(true);
    expect(textOf(preview)).toContain('answer `(y - yhat) * x`');
  });

  it('GIVEN a failure THEN "Sorry, something went wrong (error id …)" and a log line with that id', async () => {
    const res = await h.fake.slashCommand({ user: admin(), name: 'quizadmin', subcommand: 'reload' });
    const apology = await res.final(5000);
    const id = /error id ([0-9a-f]+)\)/.exec(apology.content)?.[1];
    expect(apology.ephemeral).toBe(true);
    expect(id).toBeDefined();
    const line = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['errorId'] === id);
    expect(line).toMatchObject({ level: 50, command: 'quizadmin' });
    expect(JSON.stringify(line)).toContain('disk on fire while holding [redacted]');
    expect(h.logs.join('')).not.toContain(h.fake.token);
  });
});

describe('hiding correct answers', () => {
  it('GIVEN hide mode spoiler THEN a correct answer stays, and the post asks for spoilers', async () => {
    await (
      await h.fake.slashCommand({
        user: admin(),
        name: 'quizadmin',
        subcommand: 'hide',
        options: { mode: 'spoiler' },
      })
    ).final(5000);
    const { thread, postText } = await quizThread();
    expect(postText).toContain('||spoilers||');
    const answer = h.fake.postMessage({ user: h.fake.user('alice'), channelId: thread.id, content: RIGHT });
    await h.fake.waitForReaction(answer.id, '✅', 5000);
    const reply = await h.fake.waitForMessage((m) => m.referencedMessageId === answer.id, 5000);
    expect(reply.content.toLowerCase()).toContain('correct');
    expect(reply.content).toContain('wrap answers in ||spoilers||');
    await (
      await h.fake.slashCommand({
        user: admin(),
        name: 'quizadmin',
        subcommand: 'hide',
        options: { mode: 'delete' },
      })
    ).final(5000);
  });

  it('GIVEN a bot without Manage Messages THEN the correct answer is kept and spoilers are asked for', async () => {
    h.fake.setBotPermissions(DEFAULT_BOT_PERMISSIONS & ~PermissionFlagsBits.ManageMessages);
    const { thread, postText } = await quizThread(h.fake.user('bob'));
    expect(postText).toContain('||spoilers||');
    const answer = h.fake.postMessage({
      user: h.fake.user('bob'),
      channelId: thread.id,
      content: `||${RIGHT}||`,
    });
    await h.fake.waitForReaction(answer.id, '✅', 5000);
    const reply = await h.fake.waitForMessage((m) => m.referencedMessageId === answer.id, 5000);
    expect(reply.content.toLowerCase()).toContain('correct');
    expect(reply.content).not.toContain('wrap answers');
    expect(h.fake.message(answer.id)?.deleted).toBe(false);
    h.fake.setBotPermissions(DEFAULT_BOT_PERMISSIONS);
  });

  it('GIVEN everything above THEN no request was refused and the token never reached the log', () => {
    h.fake.assertNoErrors();
    expect(h.logs.join('')).not.toContain(h.fake.token);
  });
});

describe('/quizadmin reset', () => {
  it('GIVEN reset user THEN their rows in this server are gone, and the reply says progress stays', async () => {
    const bob = h.fake.user('bob');
    const res = await h.fake.slashCommand({
      user: admin(),
      name: 'quizadmin',
      subcommand: 'reset',
      options: { user: bob },
    });
    expect((await res.final(5000)).content).toContain(
      `Reset <@${bob.id}> in this server: their answers and points here are deleted`,
    );
    expect((await h.attempts()).filter((a) => a.userId === bob.id)).toEqual([]);
  });
});
