import { readFile } from 'node:fs/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import type { CliIo } from './io.ts';

/** The real process: stdout, stderr, files and standard input. */
export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  readInput: (source) => (source === '-' ? readStream(process.stdin) : readFile(source, 'utf8')),
  lines: (source) =>
    createInterface({
      input: source === '-' ? process.stdin : createReadStream(source),
      crlfDelay: Infinity,
    }),
  sink: (path) => {
    if (path === undefined) return { stream: process.stdout, close: async () => {} };
    const stream = createWriteStream(path);
    return {
      stream,
      close: async () => {
        stream.end();
        await finished(stream);
      },
    };
  },
  env: process.env,
};

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
