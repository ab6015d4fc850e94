import type { Message, ThreadChannel } from 'discord.js';
import { openQuizzes } from '../../../app/index.ts';
import { externalIdOf } from '../answers/externalIdOf.ts';
import { gradeOrRetry } from '../answers/gradeOrRetry.ts';
import { mayBeAnswer } from '../answers/mayBeAnswer.ts';
import type { BotDeps } from '../deps.ts';
import { ownedGuilds } from '../ownedGuilds.ts';

/** Quiz threads looked at after a restart: the most recent ones, whose answers may have been missed. */
const MAX_THREADS = 50;
/** Messages read back per request (Discord's maximum). */
const PAGE = 100;
/**
 * Messages read back in each thread at most: reading goes on while a page still holds something
 * unanswered, so a busy thread is read back to where the bot left it; edits made while the bot was
 * down to messages older than this are lost.
 */
const MAX_HISTORY = 500;
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
  const recent = await openQuizzes(deps.app, {
    createdSince: new Date(since),
    limit: MAX_THREADS,
    ...ownedGuilds(deps.client),
  });
  // A flashcard's thread is chat: nothing in it was waiting for a grade. Oldest first, as they came.
  const quizzes = recent
    .filter((quiz) => quiz.threadId !== null && deps.app.catalog.get(quiz.cardId)?.grading === 'numeric')
    .reverse();
  let graded = 0;
  for (const quiz of quizzes) {
    if (deps.shutdown.aborted) return;
    const thread = deps.client.channels.cache.get(quiz.threadId!);
    if (!thread?.isThread()) continue;
    let missed: Message<true>[];
    try {
      missed = await unansweredIn(deps, thread.messages);
    } catch (error) {
      deps.logger.warn({ err: error, threadId: thread.id }, 'could not read a quiz thread back');
      continue;
    }
    for (const message of missed) {
      await gradeOrRetry(deps, message, externalIdOf(message), { unanswered: true });
      graded++;
    }
  }
  deps.logger.info({ threads: quizzes.length, looked: graded }, 'quiz threads caught up');
}

/**
 * The messages of a thread the bot has not answered since their last edit, oldest first, reading
 * back page by page until a page holds none (or {@link MAX_HISTORY}). A reply older than a
 * message's last edit answered only its earlier version.
 */
async function unansweredIn(deps: BotDeps, messages: ThreadChannel['messages']): Promise<Message<true>[]> {
  const botId = deps.client.user?.id;
  const history: Message<true>[] = [];
  const repliedAt = new Map<string, number>();
  const cards = deps.app.catalog.all();
  // Chat is never replied to: only what may be an answer keeps the reading going.
  const unanswered = (m: Message<true>) =>
    !m.author.bot &&
    (repliedAt.get(m.id) ?? -1) < (m.editedTimestamp ?? m.createdTimestamp) &&
    mayBeAnswer(m.content, cards);
  let before: string | undefined;
  while (history.length < MAX_HISTORY) {
    const page = [...(await messages.fetch({ limit: PAGE, ...(before ? { before } : {}) })).values()];
    history.push(...page);
    for (const m of page) {
      const to = m.author.id === botId ? m.reference?.messageId : undefined;
      if (to) repliedAt.set(to, Math.max(repliedAt.get(to) ?? 0, m.createdTimestamp));
    }
    // A reply comes after its answer, so the replies that settle this page's answers are already read.
    if (page.length < PAGE || !page.some(unanswered)) break;
    before = page.reduce((oldest, m) => (BigInt(m.id) < BigInt(oldest.id) ? m : oldest)).id;
  }
  return history.filter(unanswered).sort((a, b) => a.createdTimestamp - b.createdTimestamp);
}
