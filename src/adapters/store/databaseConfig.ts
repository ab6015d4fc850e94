import path from 'node:path';

/** Which database to open: PostgreSQL, or embedded PGlite in a directory or in memory (tests). */
export type DatabaseConfig =
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'pglite'; readonly dataDir: string }
  | { readonly kind: 'pglite-memory' };

/** `DATABASE_URL` selects PostgreSQL; otherwise PGlite in `GRADQUIZ_DATA_DIR` (from the validated configuration). */
export function databaseConfigOf(config: {
  readonly DATABASE_URL?: string | undefined;
  readonly GRADQUIZ_DATA_DIR: string;
}): DatabaseConfig {
  if (config.DATABASE_URL) return { kind: 'postgres', url: config.DATABASE_URL };
  return { kind: 'pglite', dataDir: path.resolve(config.GRADQUIZ_DATA_DIR) };
}

/** Where the data lives, for people: the URL without its password, or the directory. */
export function describeDatabase(config: DatabaseConfig): string {
  switch (config.kind) {
    case 'postgres': {
      const url = new URL(config.url);
      if (url.password) url.password = '***';
      return `PostgreSQL at ${url.toString()}`;
    }
    case 'pglite':
      return `embedded database in ${config.dataDir}`;
    case 'pglite-memory':
      return 'embedded database in memory';
  }
}
