import { closeIdleQuizzes } from '../../../app/index.ts';
import type { BotDeps } from '../deps.ts';
import { quizSay } from '../messages.ts';
import { ownedGuilds } from '../ownedGuilds.ts';
import { startPeriodic, type Periodic } from './periodic.ts';

/**
 * Every `intervalMs`, closes the quizzes nobody answered for `idleMs`, with a line in each thread and
 * the thread archived (both best effort: the quiz is closed in the store either way).
 */
export function startIdleQuizCloser(
  deps: BotDeps,
  options: { intervalMs: number; idleMs: number; track: (work: Promise<unknown>) => void },
): Periodic {
  const days = Math.round(options.idleMs / (24 * 60 * 60 * 1000));
  const tick = async () => {
    let closed;
    try {
      closed = await closeIdleQuizzes(deps.app, { idleMs: options.idleMs, ...ownedGuilds(deps.client) });
    } catch (error) {
      deps.logger.warn({ err: error }, 'could not close idle quizzes');
      return;
    }
    for (const quiz of closed) {
      const thread = quiz.threadId ? await deps.client.channels.fetch(quiz.threadId).catch(() => null) : null;
      if (!thread?.isThread()) continue;
      try {
        await thread.send(quizSay.closedIdle(days));
        await thread.setArchived(true);
      } catch (error) {
        deps.logger.warn({ err: error, quizId: quiz.id }, 'could not announce a closed quiz');
      }
    }
    if (closed.length > 0) deps.logger.info({ closed: closed.length }, 'idle quizzes closed');
  };
  return startPeriodic(tick, options);
}
