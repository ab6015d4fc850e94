import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/**
 * Cuts the bot off its PostgreSQL database for `outageMs`: new connections are refused
 * (`ALLOW_CONNECTIONS false`) and every backend on it is ended (`pg_terminate_backend`), as when the
 * server restarts or a failover happens; then connections are allowed again. Run as the server's
 * superuser (the URL `scripts/ensure-postgres.sh` prints). Returns how many backends were ended.
 */
export async function cutDatabase(adminUrl: string, database: string, outageMs: number): Promise<number> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = pg.escapeIdentifier(database);
  try {
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    const ended = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    await sleep(outageMs);
    return ended.rowCount ?? 0;
  } finally {
    // Always given back, or the soak's own reconciliation (and the next run's drop) could not connect.
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    await admin.end();
  }
}
