import type { Message } from 'discord.js';
import { externalIdOf } from '../answers/externalIdOf.ts';
import { gradeOrRetry } from '../answers/gradeOrRetry.ts';
import type { BotDeps } from '../deps.ts';

/** Quiz threads looked at after a restart: the most recent ones, whose answers may have been missed. */
const MAX_THREADS = 50;
/** Messages read back in each: a thread busier than this while the bot was down loses only the oldest. */
const HISTORY = 50;
/** Older quizzes are not caught up: their threads have been archived by Discord anyway. */
const RECENT_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * After a (re)start, answers typed (or edited) in quiz threads while the bot was away are graded: a
 * restart loses no attempt. A message the bot replied to since its last edit is left alone; one that
 * was recorded is found under its externalId, so nothing is counted twice, and gets the reply it
 * missed when the bot was killed between recording and replying. Marks are no sign of an answer:
 * ⏳ means it was still waiting for the database, a verdict mark comes before the reply.
 */
export async function catchUpQuizThreads(deps: BotDeps): Promise<void> {
  const since = deps.app.clock.now().getTime() - RECENT_MS;
  const recent = await deps.app.store.openQuizzes({ createdSince: new Date(since), limit: MAX_THREADS });
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
    // When the bot last replied to each message: a reply older than the message's last edit answered
    // only the earlier version.
    const repliedAt = new Map<string, number>();
    for (const m of history) {
      const to = m.author.id === botId ? m.reference?.messageId : undefined;
      if (to) repliedAt.set(to, Math.max(repliedAt.get(to) ?? 0, m.createdTimestamp));
    }
    const missed = history
      .filter((m) => !m.author.bot && (repliedAt.get(m.id) ?? -1) < (m.editedTimestamp ?? m.createdTimestamp))
      .sort((a, b) => a.createdTimestamp - b.createdTimestamp);
    for (const message of missed) {
      await gradeOrRetry(deps, message, externalIdOf(message), { unanswered: true });
      graded++;
    }
  }
  deps.logger.info({ threads: quizzes.length, looked: graded }, 'quiz threads caught up');
}
