import { ChannelType, DiscordAPIError, type Message } from 'discord.js';
import {
  claimDailyQuiz,
  closeQuiz,
  completeDailyQuiz,
  quizOfThread,
  dailyQuizzesDue,
  startQuiz,
  type DueDailyQuiz,
} from '../../../app/index.ts';
import type { BotDeps } from '../deps.ts';
import { answersStayVisible, openQuizThread, quizMessage } from '../quizPost.ts';
import { startPeriodic, type Periodic } from '../jobs/periodic.ts';

/**
 * Every `intervalMs`, posts the daily quizzes due now (`dailyQuizzesDue`) in this process's guilds —
 * those of its shards, the only ones in its cache — each once: claimed in the database first
 * (`claimDailyQuiz`, one claim across every process and restart), completed once posted. A process
 * killed in between leaves the claim to be taken again after its lease; the retried send carries the
 * same nonce with `enforce_nonce`, so Discord returns the message already posted instead of a second.
 */
export function startDailyScheduler(
  deps: BotDeps,
  options: { intervalMs: number; track: (work: Promise<unknown>) => void },
): Periodic {
  const tick = async () => {
    let due: DueDailyQuiz[];
    try {
      due = await dailyQuizzesDue(deps.app, { guildIds: [...deps.client.guilds.cache.keys()] });
    } catch (error) {
      deps.logger.warn({ err: error }, 'could not look for daily quizzes');
      return;
    }
    for (const daily of due) {
      if (deps.shutdown.aborted) return;
      try {
        const claim = await claimDailyQuiz(deps.app, daily);
        if (claim.kind === 'taken') continue;
        const quizId = await postDailyQuiz(deps, daily, claim.nonce);
        await completeDailyQuiz(deps.app, { guildId: daily.guildId, date: daily.date, quizId });
      } catch (error) {
        deps.logger.error({ err: error, guildId: daily.guildId }, 'daily quiz failed');
      }
    }
  };
  return startPeriodic(tick, options);
}

/** Posts the quiz and its thread; the quiz's id, or null when there is nothing to post it in or with. */
async function postDailyQuiz(deps: BotDeps, daily: DueDailyQuiz, nonce: string): Promise<string | null> {
  const channel = deps.client.channels.cache.get(daily.channelId);
  if (channel?.type !== ChannelType.GuildText) {
    deps.logger.warn(
      { guildId: daily.guildId, channelId: daily.channelId },
      'the daily quiz channel is gone',
    );
    return null;
  }
  const bot = deps.client.user!;
  const result = await startQuiz(deps.app, {
    user: { id: bot.id, displayName: bot.displayName },
    guildId: channel.guildId,
    channelId: channel.id,
  });
  if (result.kind !== 'started') {
    deps.logger.warn({ guildId: channel.guildId, result: result.kind }, 'no daily quiz posted');
    return null;
  }
  let post: Message<true>;
  try {
    post = await channel.send({
      content: '📅 **Daily quiz**',
      ...(await quizMessage(deps, result.card, result.quiz, await answersStayVisible(deps, channel))),
      nonce,
      enforceNonce: true,
    });
  } catch (error) {
    // Not posted: the quiz is not left open. Discord refusing it (a missing permission …) ends today's
    // tries; anything else (Discord out of reach) leaves the claim to be taken again after its lease.
    await closeQuiz(deps.app, result.quiz.id);
    if (!(error instanceof DiscordAPIError) || error.status >= 500) throw error;
    deps.logger.warn({ err: error, guildId: channel.guildId }, 'Discord refused the daily quiz');
    return null;
  }
  const earlier = await quizOfThread(deps.app, post.id);
  if (earlier && earlier.id !== result.quiz.id) {
    // Discord answered the nonce with the message a killed process had posted: its quiz is the daily one.
    await closeQuiz(deps.app, result.quiz.id);
    deps.logger.info(
      { guildId: channel.guildId, date: daily.date, quizId: earlier.id },
      'daily quiz was posted already',
    );
    return earlier.id;
  }
  await openQuizThread(deps, post, result.quiz, result.card);
  deps.logger.info(
    { guildId: channel.guildId, date: daily.date, quizId: result.quiz.id, cardId: result.card.id },
    'daily quiz posted',
  );
  return result.quiz.id;
}
