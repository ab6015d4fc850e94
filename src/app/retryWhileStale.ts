/** What one try returns when the store found the data it was computed from had moved. */
export const STALE = Symbol('stale');

// A try is stale only when another write of the same user to the same part won in between, and a
// user's writes are serialised, so every round of k concurrent writes records one: k tries finish
// them all. The chat adapters queue each user's answers, so k is 1 or 2 there; the bound only stops a
// fault (a store that always answers stale) from looping forever.
const TRIES = 100;

/**
 * Runs `attempt` (read, decide, write) until its write finds the data as it read it. Running out of
 * tries is a fault, not an outcome: it throws.
 */
export async function retryWhileStale<T>(attempt: () => Promise<T | typeof STALE>): Promise<T> {
  for (let tries = 0; tries < TRIES; tries++) {
    const result = await attempt();
    if (result !== STALE) return result;
  }
  throw new Error(`the progress kept changing: gave up after ${TRIES} tries`);
}
