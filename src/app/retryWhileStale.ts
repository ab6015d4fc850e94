import type { AppContext } from './context.ts';

/** What one try returns when the store found the data it was computed from had moved. */
export const STALE = Symbol('stale');

// A try is stale only when another write of the same user won in between. In this process a user's
// writes run one at a time (`ctx.perUser`), so only another process's write can win: a few tries at
// most. The bound only stops a fault (a store that always answers stale) from looping forever.
const TRIES = 100;

/**
 * Runs `attempt` (read, decide, write) for `userId`, after that user's other writes in this process,
 * until its write finds the data as it read it. Running out of tries is a fault, not an outcome: it throws.
 */
export function retryWhileStale<T>(
  ctx: Pick<AppContext, 'perUser'>,
  userId: string,
  attempt: () => Promise<T | typeof STALE>,
): Promise<T> {
  return ctx.perUser.run(userId, async () => {
    for (let tries = 0; tries < TRIES; tries++) {
      const result = await attempt();
      if (result !== STALE) return result;
    }
    throw new Error(`the progress kept changing: gave up after ${TRIES} tries`);
  });
}
