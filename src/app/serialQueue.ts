/** Runs tasks one after another per key, and tasks of different keys side by side. */
export interface SerialQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      // The map forgets a key once its last task is done, so it never grows with idle users.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
