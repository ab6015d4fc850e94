export { DatabaseLockedError } from './DatabaseLockedError.ts';
export { databaseConfigOf, describeDatabase, type DatabaseConfig } from './databaseConfig.ts';
export { openDatabase, type Database } from './openDatabase.ts';
export { prismaStore } from './prismaStore.ts';
export { isStoreUnavailable } from './isStoreUnavailable.ts';
export { advisoryBucketLock } from './advisoryBucketLock.ts';
