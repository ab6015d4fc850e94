import pg from 'pg';
import type { BucketLock } from '../bucketLock.ts';

/** The first key of gradquiz's advisory locks on identify buckets (the second is the bucket). */
const IDENTIFY_LOCK_SPACE = 0x67716964; // "gqid"
/** How often a bucket held by another process is tried again. */
const POLL_MS = 100;

/**
 * Identify buckets locked with PostgreSQL advisory locks, on one connection of their own (an
 * advisory lock belongs to its session, not to a pooled transaction), opened on first use and again
 * after it broke. Tried, never waited for in the database, so that one connection serves every
 * bucket. A process that dies loses its session, and with it its locks.
 */
export function advisoryBucketLock(url: string): BucketLock & { close(): Promise<void> } {
  let session: Promise<pg.Client> | undefined;
  const connection = () =>
    (session ??= (async () => {
      const client = new pg.Client({ connectionString: url, application_name: 'gradquiz identify lock' });
      // A broken connection (a database restart) is replaced at the next use, never a crash.
      client.on('error', () => (session = undefined));
      client.on('end', () => (session = undefined));
      await client.connect().catch((error: unknown) => {
        session = undefined;
        throw error;
      });
      return client;
    })());
  const tryLock = async (bucket: number) =>
    (
      await (
        await connection()
      ).query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [
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
      await (await connection()).query('SELECT pg_advisory_unlock($1, $2)', [IDENTIFY_LOCK_SPACE, bucket]);
    },
    close: async () => {
      const open = session;
      session = undefined;
      if (open) await (await open.catch(() => undefined))?.end();
    },
  };
}
