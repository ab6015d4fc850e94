export { DatabaseLockedError } from './DatabaseLockedError.ts';
export { databaseConfigOf, describeDatabase, type DatabaseConfig } from './databaseConfig.ts';
export { openDatabase, type Database, type OpenDatabaseOptions } from './openDatabase.ts';
export { applyMigrations, diffSchemaAgainstMigrations } from './schemaEngine.ts';
export { pgliteAdapterFactory, postgresAdapterFactory } from './driverAdapters.ts';
export { prismaStore } from './prismaStore.ts';
export { isStoreUnavailable } from './isStoreUnavailable.ts';
export { advisoryBucketLock } from './advisoryBucketLock.ts';
