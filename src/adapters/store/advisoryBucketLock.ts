import pg from 'pg';
import type { BucketLock } from '../bucketLock.ts';

/** The first key of gradquiz's advisory locks on identify buckets (the second is the bucket). */
const IDENTIFY_LOCK_SPACE = 0x67716964; // "gqid"
/** How often a bucket held by another process is tried again. */
const POLL_MS = 100;

/**
 * Identify buckets locked with PostgreSQL advisory locks, on one connection of their own (an
 * advisory lock belongs to its session, not to a pooled transaction). Tried, never waited for in
 * the database, so that one connection serves every bucket. A process that dies loses its session,
 * and with it its locks.
 */
export async function advisoryBucketLock(url: string): Promise<BucketLock & { close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url, application_name: 'gradquiz identify lock' });
  await client.connect();
  // An idle connection that breaks (a database restart) must not crash the process.
  client.on('error', () => undefined);
  const tryLock = async (bucket: number) =>
    (
      await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [
        IDENTIFY_LOCK_SPACE,
        bucket,
      ])
    ).rows[0]?.locked === true;
  return {
    acquire: async (bucket, signal) => {
      while (!(await tryLock(bucket))) {
        signal.throwIfAborted();
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
    release: async (bucket) => {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [IDENTIFY_LOCK_SPACE, bucket]);
    },
    close: () => client.end(),
  };
}
