import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import { DAILY_CLAIM_LEASE_MS, openQuizzes, updateGuildSettings, type Store } from '../../src/app/index.ts';
import { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from '../fake-discord/index.ts';
import { fixedClock } from '../support/testApp.ts';
import { startHarness, until, type Harness } from './harness.ts';

const clock = fixedClock(new Date('2026-03-04T08:59:00Z'));
let h: Harness;
let completions = 0;

/** The store, except that the first completion of a daily quiz fails, as if the bot died right after posting it. */
const dyingAfterPost = (store: Store): Store => ({
  ...store,
  dailyPosts: {
    claim: (input) => store.dailyPosts.claim(input),
    complete: async (input) => {
      if (++completions === 1) throw new Error('killed after posting');
      await store.dailyPosts.complete(input);
    },
  },
});

beforeAll(async () => {
  h = await startHarness({ clock, images: false, dailyIntervalMs: 50, wrapStore: dyingAfterPost });
  await updateGuildSettings(h.app, h.fake.guildId, { dailyChannelId: h.fake.channelId, dailyTime: '09:00' });
});
afterAll(async () => {
  await h?.close();
});

const dailies = () => h.fake.messagesIn(h.fake.channelId).filter((m) => m.content.includes('Daily quiz'));

describe('GIVEN a daily quiz posted by a bot that died before recording it as posted', () => {
  it('THEN the claim is taken again after its lease, and the retry with the same nonce posts nothing new', async () => {
    clock.advance(60_000);
    const first = await h.fake.waitForMessage((m) => m.content.includes('Daily quiz'), 5000);
    await until(() => completions === 1, 'the failed completion');
    // Within the lease nobody takes the claim again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(completions).toBe(1);
    clock.advance(DAILY_CLAIM_LEASE_MS + 1000);
    await until(() => completions === 2, 'the retry completes');
    expect(dailies().map((m) => m.id)).toEqual([first.id]);
    expect(h.fake.threadsOf(h.fake.channelId).map((t) => t.id)).toEqual([first.id]);
    const log = h.logs.map((line) => JSON.parse(line) as { msg: string }).map((line) => line.msg);
    expect(log).toContain('daily quiz was posted already');
    // Completed: later ticks the same day post nothing.
    clock.advance(10 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dailies()).toHaveLength(1);
    expect(completions).toBe(2);
    h.fake.assertNoErrors();
  });

  it('THEN the next day gets its own daily quiz, once', async () => {
    clock.advance(24 * 60 * 60_000);
    await until(() => dailies().length === 2, 'the next daily quiz');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dailies()).toHaveLength(2);
  });

  it('THEN a daily quiz Discord refuses (no permission to send) is given up for the day, its quiz closed', async () => {
    const { guild, channel } = h.fake.createGuild('no sending');
    const withoutSend = (bits: bigint) => bits & ~PermissionFlagsBits.SendMessages;
    h.fake.setBotPermissions(withoutSend(DEFAULT_BOT_PERMISSIONS), guild.id);
    h.fake.setEveryonePermissions(withoutSend(DEFAULT_EVERYONE_PERMISSIONS), guild.id);
    const before = completions;
    await updateGuildSettings(h.app, guild.id, { dailyChannelId: channel.id, dailyTime: '09:00' });
    await until(() => completions === before + 1, 'the refused daily quiz given up');
    expect(await openQuizzes(h.app, { guildId: guild.id, limit: 10 })).toEqual([]);
    clock.advance(DAILY_CLAIM_LEASE_MS + 1000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(completions).toBe(before + 1);
    expect(h.fake.takeErrors().map((error) => error.code)).toEqual([50013]);
  });
});
