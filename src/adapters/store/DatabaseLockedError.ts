/** Another live process holds the embedded database's lock file. */
export class DatabaseLockedError extends Error {
  override readonly name = 'DatabaseLockedError';

  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`another gradquiz process (pid ${pid}) is using ${dataDir}`);
  }
}
