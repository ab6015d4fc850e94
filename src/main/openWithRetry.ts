import pRetry from 'p-retry';

import { isStoreUnavailable } from '../adapters/store/index.ts';

export interface RetryOptions {
  /** Give up after this long (ms) of failures. */
  readonly timeoutMs: number;
  /** One line per failed attempt, for the operator. */
  readonly log: (line: string) => void;
}

/**
 * Opens the database at start-up, retrying with backoff (0.5 s doubling to 10 s) while it is out of
 * reach — a container starting before PostgreSQL is the common case. Any other error, or still no
 * database after `timeoutMs`, rejects with that error.
 */
export function openWithRetry<T>(open: () => Promise<T>, options: RetryOptions): Promise<T> {
  return pRetry(open, {
    retries: Number.POSITIVE_INFINITY,
    minTimeout: 500,
    maxTimeout: 10_000,
    maxRetryTime: options.timeoutMs,
    shouldRetry: ({ error }) => isStoreUnavailable(error),
    onFailedAttempt: ({ error, attemptNumber }) => {
      if (isStoreUnavailable(error))
        options.log(
          `gradquiz: the database is not reachable yet (${firstLine(error)}); attempt ${attemptNumber}, retrying`,
        );
    },
  });
}

const firstLine = (error: Error) => error.message.split('\n')[0]?.trim() ?? error.name;
