/** A lock per identify bucket that every process of the bot shares (a PostgreSQL advisory lock). */
export interface BucketLock {
  /** Resolves once this process holds `bucket`; rejects when `signal` aborts. */
  acquire(bucket: number, signal: AbortSignal): Promise<void>;
  release(bucket: number): Promise<void>;
}
