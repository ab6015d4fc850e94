import type { AppContext } from './context.ts';
import type { OpenQuizQuery, QuizRecord } from './ports/index.ts';

/** Where a chat adapter posted a started quiz: its message, and its thread when it has one. */
export async function recordQuizPost(
  ctx: AppContext,
  quizId: string,
  post: { threadId: string | null; messageId: string | null },
): Promise<void> {
  await ctx.store.quizzes.setPost(quizId, post);
}

/** The quiz a thread belongs to, if any (a chat adapter's cheap check before treating a message as an answer). */
export function quizOfThread(ctx: AppContext, threadId: string): Promise<QuizRecord | null> {
  return ctx.store.quizzes.ofThread(threadId);
}

/** The open quizzes matching the query, newest first (a restart's catch-up, a thread list). */
export function openQuizzes(ctx: AppContext, query: OpenQuizQuery): Promise<QuizRecord[]> {
  return ctx.store.quizzes.open(query);
}

/** Closes a quiz its user finished or replaced, so that the open quizzes stay the ones in use. */
export async function closeQuiz(ctx: AppContext, quizId: string): Promise<void> {
  await ctx.store.quizzes.close(quizId);
}
