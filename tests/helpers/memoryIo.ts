import { Writable } from 'node:stream';

import type { CliIo } from '../../src/adapters/cli/io.ts';

/** A CLI's I/O in memory: what it wrote, and the input it reads for `-`. */
export function memoryIo(stdin = '', env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readInput: async () => stdin,
    async *lines() {
      yield* stdin.split('\n');
    },
    // Everything streamed lands in stdout, as it would on a terminal (a file name is ignored).
    sink: () => ({
      stream: new Writable({
        write(chunk: Buffer | string, _encoding, done) {
          out.push(chunk.toString());
          done();
        },
      }),
      close: async () => {},
    }),
    env,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
