import type { QuizLocation } from './context.ts';
import type { QuizRecord, Store } from './ports.ts';

/**
 * The quiz a command is about: the one named, the one of its thread, or the latest open one in the
 * channel. A quiz named by id (a button's custom id, which a client can forge) counts only in the
 * server it was posted in.
 */
export async function resolveQuiz(store: Store, where: QuizLocation): Promise<QuizRecord | null> {
  if (where.quizId) {
    const quiz = await store.findQuiz(where.quizId);
    return quiz?.guildId === where.guildId ? quiz : null;
  }
  if (where.threadId) {
    const quiz = await store.findQuizByThread(where.threadId);
    if (quiz) return quiz;
  }
  return store.latestOpenQuiz(where.guildId, where.channelId);
}
