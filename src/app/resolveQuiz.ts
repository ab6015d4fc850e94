import type { QuizLocation } from './context.ts';
import type { QuizRecord, Store } from './ports.ts';

/**
 * The quiz a command is about: the one named, the one of its thread, or the latest open one in the
 * channel. A quiz named by id (a button's custom id, which a client can forge) counts only in the
 * server and channel it was posted in (its thread is recorded under that channel); answers, which
 * earn points, also need it open (`Store.answerContext`).
 */
export async function resolveQuiz(store: Store, where: QuizLocation): Promise<QuizRecord | null> {
  if (where.quizId) {
    const quiz = await store.findQuiz(where.quizId);
    const here = quiz?.guildId === where.guildId && quiz.channelId === where.channelId;
    return here ? quiz : null;
  }
  if (where.threadId) {
    const quiz = await store.findQuizByThread(where.threadId);
    if (quiz) return quiz;
  }
  return store.latestOpenQuiz(where.guildId, where.channelId);
}
