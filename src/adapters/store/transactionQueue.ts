/**
 * Runs tasks one at a time, in order. PGlite is a single connection: interactive transactions queued
 * here never wait inside Prisma (where `maxWait` would expire under load).
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
