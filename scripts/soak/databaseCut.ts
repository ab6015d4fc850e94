import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** How often the backends are ended again during an outage: a reconnect lives no longer than this. */
const TERMINATE_EVERY_MS = 100;

/**
 * Cuts the bot off its PostgreSQL database for `outageMs`: every backend on it is ended
 * (`pg_terminate_backend`, what a server restart or a failover does to its clients), and again every
 * 100 ms, so that reconnecting does not help until the outage is over. Other databases of the server
 * are untouched. Run as the server's superuser (the URL `scripts/ensure-postgres.sh` prints).
 * Returns how many backends were ended.
 */
export async function cutDatabase(adminUrl: string, database: string, outageMs: number): Promise<number> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let ended = 0;
  try {
    for (const end = Date.now() + outageMs; Date.now() < end; await sleep(TERMINATE_EVERY_MS)) {
      const result = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      );
      ended += result.rowCount ?? 0;
    }
  } finally {
    await admin.end();
  }
  return ended;
}
