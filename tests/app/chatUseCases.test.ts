import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  allowChannel,
  closeQuiz,
  dailyQuizDue,
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

const BOT = 'bot';
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

describe('dailyQuizDue', () => {
  it('GIVEN a daily time in the server zone THEN due in the hour after it, until the bot posted today', async () => {
    const guildId = 'daily';
    expect(await dailyQuizDue(ctx, { guildId, botId: BOT })).toEqual({ kind: 'not_due' });
    // 09:45 in Prague is 08:45 UTC.
    await updateGuildSettings(ctx, guildId, {
      timeZone: 'Europe/Prague',
      dailyChannelId: 'ch',
      dailyTime: '09:45',
    });
    expect(await dailyQuizDue(ctx, { guildId, botId: BOT })).toEqual({ kind: 'not_due' });
    clock.set(new Date('2026-03-04T08:45:00Z'));
    expect(await dailyQuizDue(ctx, { guildId, botId: BOT })).toEqual({ kind: 'due', channelId: 'ch' });
    // A quiz someone else opened there does not count as the daily one.
    await startQuiz(ctx, { user: { id: 'ada', displayName: 'Ada' }, guildId, channelId: 'ch' });
    expect((await dailyQuizDue(ctx, { guildId, botId: BOT })).kind).toBe('due');
    await startQuiz(ctx, { user: { id: BOT, displayName: 'Bot' }, guildId, channelId: 'ch' });
    expect(await dailyQuizDue(ctx, { guildId, botId: BOT })).toEqual({ kind: 'not_due' });
    // An hour late: it waits for the next day.
    clock.set(new Date('2026-03-05T09:45:00Z'));
    expect(await dailyQuizDue(ctx, { guildId, botId: BOT })).toEqual({ kind: 'not_due' });
    clock.set(new Date('2026-03-05T08:50:00Z'));
    expect((await dailyQuizDue(ctx, { guildId, botId: BOT })).kind).toBe('due');
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
