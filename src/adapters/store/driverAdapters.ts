import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';

/**
 * Replaces an adapter's `executeScript` with one that sends the script whole and awaits it: adapter-pg
 * splits scripts on `;` and pglite-prisma-adapter does not await `exec()`, losing errors (NOTES.md).
 */
function wholeScripts(
  adapter: SqlDriverAdapter,
  execute: (script: string) => Promise<unknown>,
  release?: () => Promise<void>,
): SqlDriverAdapter {
  return Object.assign(adapter, {
    executeScript: async (script: string) => {
      await execute(script);
    },
    ...(release ? { dispose: release } : {}),
  });
}

/** A driver adapter factory on one PGlite instance; the shadow database (for `diff`) lives in memory. */
export function pgliteAdapterFactory(db: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(db);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => wholeScripts(await inner.connect(), (script) => db.exec(script)),
    connectToShadowDb: async () => {
      const shadow = new PGlite();
      const adapter = await new PrismaPGlite(shadow).connect();
      return wholeScripts(
        adapter,
        (script) => shadow.exec(script),
        () => shadow.close(),
      );
    },
  };
}

/**
 * A driver adapter factory on PostgreSQL for the schema engine, on a small pool of its own: the engine
 * does not dispose its adapters, so `close` ends the pool (else it keeps the process alive).
 */
export function postgresAdapterFactory(url: string): {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
} {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const inner = new PrismaPg(pool);
  const shadows: PrismaPgAdapter[] = [];
  const patch = (adapter: PrismaPgAdapter) =>
    wholeScripts(adapter, (script) => adapter.underlyingDriver().query(script));
  return {
    factory: {
      provider: inner.provider,
      adapterName: inner.adapterName,
      connect: async () => patch(await inner.connect()),
      connectToShadowDb: async () => {
        const shadow = await inner.connectToShadowDb();
        shadows.push(shadow);
        return patch(shadow);
      },
    },
    close: async () => {
      await Promise.all(shadows.map((shadow) => shadow.dispose()));
      await pool.end();
    },
  };
}

type PrismaPgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
