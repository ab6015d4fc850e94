import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  allowChannel,
  closeQuiz,
  claimDailyQuiz,
  completeDailyQuiz,
  DAILY_CLAIM_LEASE_MS,
  dailyQuizzesDue,
  getGuildSettings,
  openQuizzes,
  quizOfThread,
  recordQuizPost,
  setLeaderboardVisibility,
  startQuiz,
  submitAnswer,
  updateGuildSettings,
  viewProgress,
  type AppContext,
} from '../../src/app/index.ts';
import { fakeCard } from '../support/fakeCards.ts';
import { startTestApp, type fixedClock, type TestApp } from '../support/testApp.ts';

// The use cases the chat adapters call instead of the store: the rules they carry (when a daily quiz
// is due, whose progress is private, how allowed channels change) are tested here, on memory.

let opened: TestApp;
let ctx: AppContext;
let clock: ReturnType<typeof fixedClock>;

beforeAll(async () => {
  opened = await startTestApp([fakeCard('c1')], { now: new Date('2026-03-04T08:30:00Z') });
  ({ ctx, clock } = opened);
});
afterAll(async () => {
  await opened?.close();
});

describe('dailyQuizzesDue and its claim', () => {
  it('GIVEN a daily time in the server zone THEN due in the hour after it, claimed once a day', async () => {
    const guildId = 'daily';
    expect(await dailyQuizzesDue(ctx)).toEqual([]);
    // 09:45 in Prague is 08:45 UTC.
    await updateGuildSettings(ctx, guildId, {
      timeZone: 'Europe/Prague',
      dailyChannelId: 'ch',
      dailyTime: '09:45',
    });
    expect(await dailyQuizzesDue(ctx)).toEqual([]);
    clock.set(new Date('2026-03-04T08:45:00Z'));
    const today = { guildId, channelId: 'ch', date: '2026-03-04' };
    expect(await dailyQuizzesDue(ctx)).toEqual([today]);
    expect(await dailyQuizzesDue(ctx, { guildIds: ['another'] })).toEqual([]);
    // One claim at a time; the nonce names the day.
    expect(await claimDailyQuiz(ctx, today)).toEqual({ kind: 'claimed', nonce: 'daily:2026-03-04' });
    expect(await claimDailyQuiz(ctx, today)).toEqual({ kind: 'taken' });
    // Never completed (its process died): taken again after the lease, with the same nonce.
    clock.advance(DAILY_CLAIM_LEASE_MS + 1000);
    expect(await claimDailyQuiz(ctx, today)).toEqual({ kind: 'claimed', nonce: 'daily:2026-03-04' });
    await completeDailyQuiz(ctx, { guildId, date: today.date, quizId: null });
    clock.advance(2 * DAILY_CLAIM_LEASE_MS);
    expect(await claimDailyQuiz(ctx, today)).toEqual({ kind: 'taken' });
    // An hour late: it waits for the next day.
    clock.set(new Date('2026-03-05T09:45:00Z'));
    expect(await dailyQuizzesDue(ctx)).toEqual([]);
    clock.set(new Date('2026-03-05T08:50:00Z'));
    expect(await dailyQuizzesDue(ctx)).toEqual([{ ...today, date: '2026-03-05' }]);
  });

  it("GIVEN a zone already in tomorrow THEN the date is the server's own", async () => {
    await updateGuildSettings(ctx, 'auckland', {
      timeZone: 'Pacific/Auckland',
      dailyChannelId: 'nz',
      dailyTime: '00:10',
    });
    // 11:15 UTC on the 4th is 00:15 on the 5th in Auckland (UTC+13).
    clock.set(new Date('2026-03-04T11:15:00Z'));
    expect(await dailyQuizzesDue(ctx, { guildIds: ['auckland', 'daily'] })).toEqual([
      { guildId: 'auckland', channelId: 'nz', date: '2026-03-05' },
    ]);
  });
});

describe('guild settings', () => {
  it('GIVEN channels added and removed THEN the allowed list follows, once each', async () => {
    const guildId = 'channels';
    expect((await getGuildSettings(ctx, guildId)).allowedChannels).toEqual([]);
    await allowChannel(ctx, { guildId, channelId: 'a', allowed: true });
    await allowChannel(ctx, { guildId, channelId: 'a', allowed: true });
    const saved = await allowChannel(ctx, { guildId, channelId: 'b', allowed: true });
    expect(saved.allowedChannels).toEqual(['a', 'b']);
    expect((await allowChannel(ctx, { guildId, channelId: 'a', allowed: false })).allowedChannels).toEqual([
      'b',
    ]);
  });
});

describe('viewProgress', () => {
  it('GIVEN a member who left the leaderboards THEN their progress is theirs alone', async () => {
    const carol = { id: 'carol', displayName: 'Carol' };
    const view = (viewerId: string) => viewProgress(ctx, { viewerId, userId: carol.id, guildId: 'g' });
    await setLeaderboardVisibility(ctx, carol, false);
    expect(await view('dave')).toEqual({ kind: 'private' });
    expect(await view(carol.id)).toMatchObject({ kind: 'report', report: { userId: carol.id } });
    await setLeaderboardVisibility(ctx, carol, true);
    expect(await view('dave')).toMatchObject({ kind: 'report', report: { displayName: 'Carol' } });
  });
});

describe('quiz posts', () => {
  it('GIVEN a posted quiz THEN its thread finds it, it is listed while open, and closing it ends that', async () => {
    const started = await startQuiz(ctx, {
      user: { id: 'eve', displayName: 'Eve' },
      guildId: 'posts',
      channelId: 'ch',
      cardId: 'c1',
    });
    if (started.kind !== 'started') throw new Error(started.kind);
    expect(await quizOfThread(ctx, 'thread-1')).toBeNull();
    await recordQuizPost(ctx, started.quiz.id, { threadId: 'thread-1', messageId: 'm-1' });
    expect(await quizOfThread(ctx, 'thread-1')).toMatchObject({ id: started.quiz.id, messageId: 'm-1' });
    const answer = await submitAnswer(ctx, {
      externalId: 'posts:1',
      user: { id: 'eve', displayName: 'Eve' },
      guildId: 'posts',
      channelId: 'ch',
      threadId: 'thread-1',
      input: 'wrong',
    });
    expect(answer).toMatchObject({ kind: 'graded', quiz: { id: started.quiz.id } });
    expect(await openQuizzes(ctx, { guildId: 'posts', limit: 5 })).toHaveLength(1);
    await closeQuiz(ctx, started.quiz.id);
    expect(await openQuizzes(ctx, { guildId: 'posts', limit: 5 })).toEqual([]);
  });
});
