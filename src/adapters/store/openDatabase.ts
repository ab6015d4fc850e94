import { mkdirSync } from 'node:fs';

import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';

import { PrismaClient } from '../../generated/prisma/client.ts';
import type { DatabaseConfig } from './databaseConfig.ts';
import { pgliteAdapterFactory, postgresAdapterFactory } from './driverAdapters.ts';
import { acquireLock } from './lockFile.ts';
import { applyMigrations } from './schemaEngine.ts';
import { createSerialQueue } from '../../app/serialQueue.ts';

/** What a transaction's work receives: the client bound to that transaction. */
type TransactionClient = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** An open database: the generated client on PostgreSQL or PGlite, with migrations applied. */
export interface Database {
  readonly prisma: PrismaClient;
  readonly kind: DatabaseConfig['kind'];
  /** Migrations applied by this open (empty when the database was up to date). */
  readonly appliedMigrations: readonly string[];
  /**
   * A read in plain SQL (`$1` parameters), its rows decoded by the driver itself: for bulk reads
   * (exports), where Prisma's decoding of raw results costs ~3× the driver's (measured in bench:stats).
   */
  rows<Row>(sql: string, params: readonly unknown[]): Promise<Row[]>;
  /** Runs `work` in one interactive transaction; on PGlite, transactions run one at a time. */
  transaction<T>(work: (tx: TransactionClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Apply pending migrations first (default true). */
  readonly migrate?: boolean;
}

// Interactive transactions are short (a few statements), but on a busy PostgreSQL pool they may wait.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

/**
 * Opens the configured database. On PGlite it first takes the directory's lock file, so a second
 * process is refused with {@link DatabaseLockedError} instead of corrupting the data.
 */
export async function openDatabase(
  config: DatabaseConfig,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const migrate = options.migrate ?? true;
  if (config.kind === 'postgres') {
    let appliedMigrations: string[] = [];
    if (migrate) {
      const engineAdapter = postgresAdapterFactory(config.url);
      try {
        appliedMigrations = await applyMigrations(engineAdapter.factory);
      } finally {
        await engineAdapter.close();
      }
    }
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      kind: config.kind,
      appliedMigrations,
      rows: async <Row>(sql: string, params: readonly unknown[]) =>
        (await pool.query(sql, [...params])).rows as Row[],
      transaction: (work) => prisma.$transaction(work, TRANSACTION_OPTIONS),
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  let release = () => {};
  if (config.kind === 'pglite') {
    mkdirSync(config.dataDir, { recursive: true });
    release = acquireLock(config.dataDir);
  }
  try {
    const db = config.kind === 'pglite' ? await PGlite.create(config.dataDir) : await PGlite.create();
    const appliedMigrations = migrate ? await applyMigrations(pgliteAdapterFactory(db)) : [];
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
    // PGlite is a single connection: interactive transactions queued here never wait inside Prisma
    // (where `maxWait` would expire under load).
    const serially = createSerialQueue();
    return {
      prisma,
      kind: config.kind,
      appliedMigrations,
      rows: async <Row>(sql: string, params: readonly unknown[]) =>
        (await db.query<Row>(sql, [...params])).rows,
      transaction: (work) => serially.run('pglite', () => prisma.$transaction(work, TRANSACTION_OPTIONS)),
      close: async () => {
        await prisma.$disconnect();
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
