import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

import type { DatabaseConfig } from '../../src/adapters/store/index.ts';

/**
 * A fresh, empty database for one test file: on PostgreSQL (when `DATABASE_URL` is set) a database of
 * its own, created and dropped here; otherwise a PGlite directory in a temp folder. `config` can be
 * opened, closed and opened again (a restart).
 */
export interface TestDatabase {
  readonly config: DatabaseConfig;
  readonly kind: 'postgres' | 'pglite';
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gradquiz-test-'));
    return {
      config: { kind: 'pglite', dataDir },
      kind: 'pglite',
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `gradquiz_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: testUrl.toString() },
    kind: 'postgres',
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
