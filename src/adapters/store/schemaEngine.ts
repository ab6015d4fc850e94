import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type * as SchemaEngineModule from '@prisma/schema-engine-wasm';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

/** Where the schema and its migrations live, relative to the project root. */
const SCHEMA_PATH = path.resolve(import.meta.dirname, '../../../prisma/schema.prisma');
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../prisma/migrations');

const NO_FILTERS = { externalTables: [], externalEnums: [] };

type EngineModule = typeof SchemaEngineModule;

// The project compiles without the DOM library, where the WebAssembly API is declared.
type WasmImports = Record<string, unknown>;
type WasmExports = Record<string, unknown>;
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (module: object, imports: Record<string, WasmImports>) => { exports: WasmExports };
  };
};
let engineModule: Promise<EngineModule> | undefined;

/**
 * Loads Prisma's WebAssembly schema engine. Its entry point imports the `.wasm` as an ES module, which
 * Node 20 cannot do, so the module is instantiated by hand against the engine's JS glue (NOTES.md).
 */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = (await import(pathToFileURL(gluePath).href)) as EngineModule & {
      __wbg_set_wasm(exports: WasmExports): void;
    };
    const module = new wasm.Module(
      await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm')),
    );
    const imports: WasmImports = { ...glue };
    // The engine arms timers it never clears (a 10 s timeout racing each request): unref them, or every
    // script that migrates would wait 10 s before it can exit.
    for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
      const arm = imports[name] as (callback: () => void, ms: number) => NodeJS.Timeout;
      imports[name] = (callback: () => void, ms: number) => arm(callback, ms).unref();
    }
    const instance = new wasm.Instance(module, { './schema_engine_bg.js': imports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports['__wbindgen_start'] as () => void)();
    return glue;
  })();
  return engineModule;
}

/** The migrations directory as the engine expects it, read from disk. */
async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = path.join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(path.join(dir, name, 'migration.sql'), 'utf8').then(
            (value) => ({ tag: 'ok' as const, value }),
            (error: Error) => ({ tag: 'error' as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

async function withEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory | undefined,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    adapterFactory ? bindMigrationAwareSqlAdapterFactory(adapterFactory) : {},
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
  }
}

/**
 * Applies the pending migrations of `prisma/migrations` through a driver adapter, writing the same
 * `_prisma_migrations` rows as `prisma migrate deploy`. Returns the names of those applied.
 */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<string[]> {
  const migrationsList = await readMigrations();
  const { appliedMigrationNames } = await withEngine(adapterFactory, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  return appliedMigrationNames;
}

/** The SQL that takes a database from the committed migrations to the current schema (empty when none). */
export async function diffSchemaAgainstMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<string> {
  const migrations = await readMigrations();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const from =
    migrations.migrationDirectories.length === 0
      ? { tag: 'empty' as const }
      : { tag: 'migrations' as const, ...migrations };
  const { stdout } = await withEngine(adapterFactory, (engine) =>
    engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    }),
  );
  return stdout ?? '';
}
