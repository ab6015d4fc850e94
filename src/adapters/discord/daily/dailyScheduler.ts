import { ChannelType, type TextChannel } from 'discord.js';
import { dailyQuizDue, startQuiz } from '../../../app/index.ts';
import type { BotDeps } from '../deps.ts';
import { answersStayVisible, openQuizThread, quizMessage } from '../quizPost.ts';
import { startPeriodic, type Periodic } from '../jobs/periodic.ts';

/** Every `intervalMs`, posts the daily quiz of each server where it is due (`dailyQuizDue`). */
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
  const due = await dailyQuizDue(deps.app, { guildId, botId: deps.client.user!.id });
  if (due.kind === 'not_due') return;
  const channel = deps.client.channels.cache.get(due.channelId);
  if (channel?.type !== ChannelType.GuildText) {
    deps.logger.warn({ guildId, channelId: due.channelId }, 'the daily quiz channel is gone');
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
