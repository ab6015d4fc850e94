/** Error codes that mean "the database cannot be reached right now", not "the request is wrong". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now, connection failures.
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  // Prisma: cannot reach the server, timed out, connection closed, pool timeout.
  'P1001',
  'P1002',
  'P1017',
  'P2024',
]);

/**
 * Whether an error says the database is out of reach (down, restarting, unreachable), so that the
 * work may be tried again later; follows `cause` chains, as Prisma wraps the driver's error.
 */
export function isStoreUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Object; depth++) {
    const { code, name, message, cause, meta } = current as {
      code?: unknown;
      name?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (name === 'PrismaClientInitializationError') return true;
    if (
      typeof message === 'string' &&
      /Connection terminated|connect ECONNREFUSED|Can't reach database/i.test(message)
    )
      return true;
    // A raw query's error (P2010) carries the driver's error in `meta`, not in `cause`.
    current = cause ?? meta?.driverAdapterError;
  }
  return false;
}
