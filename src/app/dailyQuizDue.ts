import { localDate } from '../core/scoring/index.ts';
import type { AppContext } from './context.ts';
import { minutesOf, minutesOfDay } from './timeOfDay.ts';

/**
 * A daily quiz is posted in the hour after its time, so that a bot restarted a little late still
 * posts it; later than that it waits for the next day rather than surprise the channel.
 */
const WINDOW_MINUTES = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

export type DailyQuizDue =
  { readonly kind: 'due'; readonly channelId: string } | { readonly kind: 'not_due' };

/**
 * Whether a server's daily quiz should be posted now: its local time has reached its daily time (within
 * the hour) and the bot has not opened a quiz in the daily channel today (in the server's zone), so
 * that restarts do not post it twice.
 */
export async function dailyQuizDue(
  ctx: AppContext,
  input: { readonly guildId: string; readonly botId: string },
): Promise<DailyQuizDue> {
  const settings = await ctx.store.guilds.get(input.guildId);
  if (!settings.dailyChannelId || !settings.dailyTime) return { kind: 'not_due' };
  const now = ctx.clock.now();
  const late = minutesOfDay(now, settings.timeZone) - minutesOf(settings.dailyTime);
  if (late < 0 || late >= WINDOW_MINUTES) return { kind: 'not_due' };
  const today = localDate(now, settings.timeZone);
  // Quizzes of the last two days cover "today" in any time zone.
  const recent = await ctx.store.quizzes.open({
    guildId: input.guildId,
    channelId: settings.dailyChannelId,
    openedBy: input.botId,
    createdSince: new Date(now.getTime() - 2 * DAY_MS),
    limit: 10,
  });
  const posted = recent.some((quiz) => localDate(quiz.createdAt, settings.timeZone) === today);
  return posted ? { kind: 'not_due' } : { kind: 'due', channelId: settings.dailyChannelId };
}
