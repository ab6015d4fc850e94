import type { Message } from 'discord.js';
import { openQuizzes } from '../../../app/index.ts';
import { gradeOrRetry } from '../answers/gradeOrRetry.ts';
import type { BotDeps } from '../deps.ts';

/** Quiz threads looked at after a restart: the most recent ones, whose answers may have been missed. */
const MAX_THREADS = 50;
/** Messages read back in each: a thread busier than this while the bot was down loses only the oldest. */
const HISTORY = 50;
/** Older quizzes are not caught up: their threads have been archived by Discord anyway. */
const RECENT_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * After a (re)start, answers typed in quiz threads while the bot was away are graded: a restart loses
 * no attempt. A message the bot already answered (replied to or marked) is left alone, and one that
 * was recorded is found under its externalId, so nothing is counted twice.
 */
export async function catchUpQuizThreads(deps: BotDeps): Promise<void> {
  const since = deps.app.clock.now().getTime() - RECENT_MS;
  const recent = await openQuizzes(deps.app, { createdSince: new Date(since), limit: MAX_THREADS });
  // A flashcard's thread is chat: nothing in it was waiting for a grade. Oldest first, as they came.
  const quizzes = recent
    .filter((quiz) => quiz.threadId !== null && deps.app.catalog.get(quiz.cardId)?.grading === 'numeric')
    .reverse();
  let graded = 0;
  for (const quiz of quizzes) {
    if (deps.shutdown.aborted) return;
    const thread = deps.client.channels.cache.get(quiz.threadId!);
    if (!thread?.isThread()) continue;
    let history: Message<true>[];
    try {
      history = [...(await thread.messages.fetch({ limit: HISTORY })).values()];
    } catch (error) {
      deps.logger.warn({ err: error, threadId: thread.id }, 'could not read a quiz thread back');
      continue;
    }
    const botId = deps.client.user?.id;
    const answered = new Set(
      history.flatMap((m) =>
        m.author.id === botId && m.reference?.messageId ? [m.reference.messageId] : [],
      ),
    );
    const missed = history
      .filter((m) => !m.author.bot && !answered.has(m.id) && !m.reactions.cache.some((r) => r.me))
      .sort((a, b) => a.createdTimestamp - b.createdTimestamp);
    for (const message of missed) {
      await gradeOrRetry(deps, message, `discord:message:${message.id}`);
      graded++;
    }
  }
  deps.logger.info({ threads: quizzes.length, looked: graded }, 'quiz threads caught up');
}
