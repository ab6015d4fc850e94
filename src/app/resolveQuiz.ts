import type { QuizLocation } from './context.ts';
import type { QuizRecord, Store } from './ports.ts';

/** The quiz a command is about: the one named, the one of its thread, or the latest open one in the channel. */
export async function resolveQuiz(store: Store, where: QuizLocation): Promise<QuizRecord | null> {
  if (where.quizId) return store.findQuiz(where.quizId);
  if (where.threadId) {
    const quiz = await store.findQuizByThread(where.threadId);
    if (quiz) return quiz;
  }
  return store.latestOpenQuiz(where.guildId, where.channelId);
}
