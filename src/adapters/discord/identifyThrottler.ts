import type { WebSocketOptions } from 'discord.js';
import type { BucketLock } from '../bucketLock.ts';

/** Discord allows `max_concurrency` identifies per 5 s, one per bucket (`shard_id % max_concurrency`). */
export const IDENTIFY_WINDOW_MS = 5_000;

/**
 * discord.js's identify throttler, shared across processes: a shard identifies once it holds its
 * bucket's lock, which is held for the 5 s window and then released. discord.js's own throttler
 * counts only the shards of one process; inside this one, shards of a bucket queue for its lock in
 * turn (an advisory lock would let the same session in twice). When the lock cannot be had (the
 * database is down) the shard still connects, spaced within this process only, and `onLockError`
 * says so: a bot must not stay off Discord because of its database.
 */
export function sharedIdentifyThrottler(
  lock: BucketLock,
  onLockError: (error: unknown) => void,
): NonNullable<WebSocketOptions['buildIdentifyThrottler']> {
  return async (manager) => {
    const info = await manager.fetchGatewayInformation();
    const buckets = Math.max(1, info.session_start_limit.max_concurrency);
    const queues = new Map<number, Promise<void>>();
    return {
      waitForIdentify: async (shardId, signal) => {
        const bucket = shardId % buckets;
        const turn = (queues.get(bucket) ?? Promise.resolve()).then(async () => {
          try {
            await lock.acquire(bucket, signal);
            return true;
          } catch (error) {
            if (signal.aborted) throw error;
            onLockError(error);
            return false;
          }
        });
        const done = turn
          .then(async (held) => {
            await new Promise((resolve) => setTimeout(resolve, IDENTIFY_WINDOW_MS));
            if (held) await lock.release(bucket);
          })
          .catch(() => undefined);
        queues.set(bucket, done);
        await turn;
      },
    };
  };
}
