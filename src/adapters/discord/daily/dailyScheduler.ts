import { ChannelType, type TextChannel } from 'discord.js';
import { startQuiz } from '../../../app/index.ts';
import { localDate } from '../../../core/scoring/index.ts';
import type { BotDeps } from '../deps.ts';
import { answersStayVisible, openQuizThread, quizMessage } from '../quizPost.ts';
import { startPeriodic, type Periodic } from '../jobs/periodic.ts';
import { minutesOf, minutesOfDay } from './timeOfDay.ts';

/**
 * A daily quiz is posted in the hour after its time, so that a bot restarted a little late still
 * posts it; later than that it waits for the next day rather than surprise the channel.
 */
const WINDOW_MINUTES = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every `intervalMs`, posts the daily quiz of each server whose local time has reached its daily
 * time, once a day: a quiz the bot opened in that channel today (in the server's zone) counts as
 * posted, so restarts do not post it twice.
 */
export function startDailyScheduler(
  deps: BotDeps,
  options: { intervalMs: number; track: (work: Promise<unknown>) => void },
): Periodic {
  const tick = async () => {
    for (const guild of deps.client.guilds.cache.values()) {
      try {
        await postIfDue(deps, guild.id);
      } catch (error) {
        deps.logger.error({ err: error, guildId: guild.id }, 'daily quiz failed');
      }
    }
  };
  return startPeriodic(tick, options);
}

async function postIfDue(deps: BotDeps, guildId: string): Promise<void> {
  const settings = await deps.app.store.getGuild(guildId);
  if (!settings.dailyChannelId || !settings.dailyTime) return;
  const now = deps.app.clock.now();
  const late = minutesOfDay(now, settings.timeZone) - minutesOf(settings.dailyTime);
  if (late < 0 || late >= WINDOW_MINUTES) return;
  const botId = deps.client.user!.id;
  const today = localDate(now, settings.timeZone);
  // Quizzes of the last two days cover "today" in any time zone.
  const recent = await deps.app.store.openQuizzes({
    guildId,
    channelId: settings.dailyChannelId,
    openedBy: botId,
    createdSince: new Date(now.getTime() - 2 * DAY_MS),
    limit: 10,
  });
  const posted = recent.some((quiz) => localDate(quiz.createdAt, settings.timeZone) === today);
  if (posted) return;
  const channel = deps.client.channels.cache.get(settings.dailyChannelId);
  if (channel?.type !== ChannelType.GuildText) {
    deps.logger.warn({ guildId, channelId: settings.dailyChannelId }, 'the daily quiz channel is gone');
    return;
  }
  await postDailyQuiz(deps, channel);
}

async function postDailyQuiz(deps: BotDeps, channel: TextChannel): Promise<void> {
  const bot = deps.client.user!;
  const result = await startQuiz(deps.app, {
    user: { id: bot.id, displayName: bot.displayName },
    guildId: channel.guildId,
    channelId: channel.id,
  });
  if (result.kind !== 'started') {
    deps.logger.warn({ guildId: channel.guildId, result: result.kind }, 'no daily quiz posted');
    return;
  }
  const post = await channel.send({
    content: '📅 **Daily quiz**',
    ...(await quizMessage(deps, result.card, result.quiz, await answersStayVisible(deps, channel))),
  });
  await openQuizThread(deps, post, result.quiz, result.card);
  deps.logger.info(
    { guildId: channel.guildId, quizId: result.quiz.id, cardId: result.card.id },
    'daily quiz posted',
  );
}
