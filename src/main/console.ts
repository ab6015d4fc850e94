import os from 'node:os';
import path from 'node:path';

import { runConsoleSession } from '../adapters/console/consoleSession.ts';
import { imageFiles } from '../adapters/console/images.ts';
import type { Renderer } from '../adapters/render/index.ts';
import type { Config } from '../config.ts';
import type { Runtime } from './runtime.ts';

/**
 * Where the practice mode writes its images: the system's temp folder. They are drawn again when
 * needed, and the embedded database's own folder is left to the database alone.
 */
export const IMAGE_DIRECTORY = path.join(os.tmpdir(), 'gradquiz-images');

/**
 * The local practice mode (`npm start` without DISCORD_TOKEN): the terminal as a chat adapter, as
 * the local user, the same across runs. Ends at `/quit` or the end of input, with the store closed.
 */
export async function runConsole(runtime: Runtime, config: Config): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  // MathJax and sharp are loaded with the first image, not at start-up (about half a second).
  const createRenderer = async (): Promise<Renderer> =>
    (await import('../adapters/render/index.ts')).createRenderer();
  try {
    await runConsoleSession({
      app: runtime.app,
      user: { id: `local:${config.localUser}`, displayName: config.localUser },
      input: process.stdin,
      output: process.stdout,
      greeting: {
        cards: runtime.bank.cards.length,
        flashcards: runtime.bank.cards.filter((card) => card.grading === 'self').length,
        fallbacks: runtime.bank.cards.flatMap((card) =>
          card.grading === 'self' && card.fallback !== undefined ? [card.file] : [],
        ),
        broken: runtime.bank.broken.map((card) => card.file),
        databaseDescription: runtime.databaseDescription,
      },
      interactive,
      // https://no-color.org: any non-empty value turns colours off.
      color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
      images: imageFiles(IMAGE_DIRECTORY, createRenderer),
    });
  } finally {
    await runtime.close();
  }
}
