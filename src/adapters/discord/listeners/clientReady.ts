import { openQuizzes } from '../../../app/index.ts';
import type { BotDeps } from '../deps.ts';
import { ownedGuilds } from '../ownedGuilds.ts';

/** Threads fetched at once; the rest wait, so a restart does not burst the REST API. */
const CONCURRENCY = 5;
/** Older quiz threads come back on their own: a message unarchives a thread and Discord announces it. */
const MAX_THREADS = 200;

/**
 * After a (re)start, the threads of open quizzes that Discord did not list as active (archived, or
 * not announced) are fetched by the ids the store kept, so that their messages reach the bot:
 * discord.js drops a message whose channel it has not cached.
 */
export async function rejoinQuizThreads(deps: BotDeps): Promise<void> {
  const { client } = deps;
  const missing = (await openQuizzes(deps.app, { limit: MAX_THREADS, ...ownedGuilds(client) }))
    .filter((quiz) => quiz.threadId !== null && client.guilds.cache.has(quiz.guildId))
    .filter((quiz) => !client.channels.cache.has(quiz.threadId!));
  let fetched = 0;
  for (let i = 0; i < missing.length; i += CONCURRENCY) {
    const batch = missing.slice(i, i + CONCURRENCY);
    const results = await Promise.allSettled(batch.map((quiz) => client.channels.fetch(quiz.threadId!)));
    fetched += results.filter((result) => result.status === 'fulfilled').length;
  }
  deps.logger.info({ missing: missing.length, fetched }, 'quiz threads rejoined');
}
