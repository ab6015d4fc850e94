import { setTimeout as sleep } from 'node:timers/promises';
import type { BotDeps } from '../deps.ts';

/** Waits before trying an answer again while the database is out of reach: about six minutes in all. */
const RETRY_DELAYS_MS: readonly number[] = [2_000, 10_000, 30_000, 60_000, 120_000, 180_000];

/** Answers that may wait for the database at once: each holds its message or interaction in memory. */
const MAX_WAITING_ANSWERS = 500;

/** Thrown when the database is out of reach and {@link MAX_WAITING_ANSWERS} answers already wait. */
export class TooManyWaiting extends Error {
  constructor() {
    super('database out of reach and too many answers waiting');
  }
}

/**
 * Runs `work` (the recording of the answer `externalId`) and, while it fails because the database is
 * out of reach, runs it again after each of the retry delays, for a bounded number of answers at
 * once; `onFirstWait` runs before the first wait (a thread answer is marked ⏳). Trying again is safe
 * because an answer is recorded under its externalId: what was already written is found, not written
 * twice. Throws the last error when the delays run out, {@link TooManyWaiting}, or the abort when the
 * bot stops meanwhile. Resolves with the work's value and whether it had to wait.
 */
export async function whileStoreDown<T>(
  deps: BotDeps,
  externalId: string,
  work: () => Promise<T>,
  onFirstWait: () => Promise<void> = async () => undefined,
): Promise<{ value: T; waited: boolean }> {
  const delays = deps.retryDelaysMs ?? RETRY_DELAYS_MS;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return { value: await work(), waited: attempt > 0 };
      } catch (error) {
        const delay = delays[attempt];
        if (!deps.isStoreUnavailable(error) || delay === undefined || deps.shutdown.aborted) throw error;
        if (attempt === 0) {
          if (deps.waitingAnswers.size >= MAX_WAITING_ANSWERS) throw new TooManyWaiting();
          deps.waitingAnswers.add(externalId);
          await onFirstWait();
        }
        deps.logger.warn({ err: error, externalId, attempt }, 'database out of reach: the answer waits');
        await sleep(delay, undefined, { signal: deps.shutdown });
      }
    }
  } finally {
    deps.waitingAnswers.delete(externalId);
  }
}
