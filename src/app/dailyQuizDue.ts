import { localDate } from '../core/scoring/index.ts';
import type { AppContext } from './context.ts';
import type { GuildSettings } from './ports/index.ts';
import { minutesOf, minutesOfDay } from './timeOfDay.ts';

/**
 * A daily quiz is posted in the hour after its time, so that a bot restarted a little late still
 * posts it; later than that it waits for the next day rather than surprise the channel.
 */
const WINDOW_MINUTES = 60;

/** A server's daily quiz to post now: where, and the local date it is for (its claim's key). */
export interface DueDailyQuiz {
  readonly guildId: string;
  readonly channelId: string;
  readonly date: string;
}

/**
 * The daily quizzes due at this instant (the app's clock), among `guildIds` when given (a sharded
 * process's own): each server whose local time is in the hour after its daily time. Whether one was
 * posted already is the claim's to say (`claimDailyQuiz`), in the database, for every process at once.
 */
export async function dailyQuizzesDue(
  ctx: AppContext,
  input: { readonly guildIds?: readonly string[] } = {},
): Promise<DueDailyQuiz[]> {
  const now = ctx.clock.now();
  const guilds = await ctx.store.guilds.withDailyQuiz(input.guildIds);
  return guilds.flatMap((settings) => {
    const due = dueAt(settings, now);
    return due ? [due] : [];
  });
}

function dueAt(settings: GuildSettings, now: Date): DueDailyQuiz | undefined {
  if (!settings.dailyChannelId || !settings.dailyTime) return undefined;
  const late = minutesOfDay(now, settings.timeZone) - minutesOf(settings.dailyTime);
  if (late < 0 || late >= WINDOW_MINUTES) return undefined;
  return {
    guildId: settings.id,
    channelId: settings.dailyChannelId,
    date: localDate(now, settings.timeZone),
  };
}
