import { runConsoleSession } from '../adapters/console/consoleSession.ts';
import type { Config } from '../config.ts';
import type { Runtime } from './runtime.ts';

/**
 * The local practice mode (`npm start` without DISCORD_TOKEN): the terminal as a chat adapter, as
 * the local user, the same across runs. Ends at `/quit` or the end of input, with the store closed.
 */
export async function runConsole(runtime: Runtime, config: Config): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  try {
    await runConsoleSession({
      app: runtime.app,
      user: { id: `local:${config.localUser}`, displayName: config.localUser },
      input: process.stdin,
      output: process.stdout,
      greeting: {
        cards: runtime.bank.cards.length,
        broken: runtime.bank.broken.map((card) => card.file),
        databaseDescription: runtime.databaseDescription,
      },
      interactive,
      // https://no-color.org: any non-empty value turns colours off.
      color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
    });
  } finally {
    await runtime.close();
  }
}
