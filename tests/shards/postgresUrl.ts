/** The shards tests run several processes on one database: PostgreSQL only (PGlite is one process). */
export function postgresUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('npm run test:shards needs DATABASE_URL (PostgreSQL): PGlite is one process');
  return url;
}
