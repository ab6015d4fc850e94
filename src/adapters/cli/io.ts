import type { Writable } from 'node:stream';

/** A stream a command writes a large output to, and how to finish it (a file is closed; stdout stays open). */
interface Sink {
  readonly stream: Writable;
  close(): Promise<void>;
}

/** Where a command writes and reads: the process in production, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The whole of a file, or of standard input for `-`. */
  readInput(source: string): Promise<string>;
  /** Reads lines one at a time, so that a batch answers each line as it arrives. */
  lines(source: string): AsyncIterable<string>;
  /** The file `path`, or standard output when absent, for output streamed with back-pressure. */
  sink(path: string | undefined): Sink;
  readonly env: Readonly<Record<string, string | undefined>>;
}
