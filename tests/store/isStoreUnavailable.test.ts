import { describe, expect, it } from 'vitest';
import { isStoreUnavailable } from '../../src/adapters/store/index.ts';

/** A raw query's failure as Prisma 7 throws it with a driver adapter: the driver's error sits in `meta`. */
function rawQueryError(driverCode: string): Error {
  return Object.assign(new Error(`Raw query failed. Code: \`${driverCode}\`.`), {
    name: 'PrismaClientKnownRequestError',
    code: 'P2010',
    meta: {
      driverAdapterError: Object.assign(new Error('DriverAdapterError'), {
        name: 'DriverAdapterError',
        cause: { originalCode: driverCode, kind: 'postgres', code: driverCode },
      }),
    },
  });
}

describe('isStoreUnavailable', () => {
  it('GIVEN a raw query ended by pg_terminate_backend (57P01, found by the soak) THEN the database is out of reach', () => {
    expect(isStoreUnavailable(rawQueryError('57P01'))).toBe(true);
  });

  it('GIVEN a raw query refused for its content (a unique violation) THEN it is not', () => {
    expect(isStoreUnavailable(rawQueryError('23505'))).toBe(false);
  });
});
