/** Where a command writes and reads: the process in production, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The whole of a file, or of standard input for `-`. */
  readInput(source: string): Promise<string>;
  /** Reads lines one at a time, so that a batch answers each line as it arrives. */
  lines(source: string): AsyncIterable<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
}
