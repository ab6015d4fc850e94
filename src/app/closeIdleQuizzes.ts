import type { AppContext } from './context.ts';
import type { QuizRecord } from './ports/index.ts';

/** Quizzes closed per run: a backlog is worked off over a few runs rather than in one burst. */
const BATCH = 100;

/**
 * Closes the quizzes nobody has answered for `idleMs` (opened that long ago, no attempt since), so
 * that open quizzes stay the ones in use; the chat adapter says so in each quiz's thread. A sharded
 * process passes its `guildIds`, so that each quiz is closed and announced by the process holding it.
 */
export async function closeIdleQuizzes(
  ctx: AppContext,
  input: { idleMs: number; guildIds?: readonly string[] },
): Promise<QuizRecord[]> {
  const now = ctx.clock.now();
  const { idleMs, ...scope } = input;
  return ctx.store.quizzes.closeIdle({ idleSince: new Date(now.getTime() - idleMs), limit: BATCH, ...scope });
}
