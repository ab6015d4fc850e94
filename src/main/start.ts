import { loadConfig } from '../config.ts';
import { databaseConfigOf, DatabaseLockedError, isStoreUnavailable } from '../adapters/store/index.ts';
import { openWithRetry } from './openWithRetry.ts';
import { openRuntime } from './runtime.ts';

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, the local practice mode in the terminal
 * otherwise. Both run on the same application core and store.
 */
const loaded = loadConfig();
if (!loaded.ok) {
  process.stderr.write(`gradquiz: ${loaded.message}\n`);
  process.exit(2);
}
const config = loaded.config;
let runtime;
try {
  const database = databaseConfigOf(config);
  runtime = await openWithRetry(() => openRuntime(config, database), {
    timeoutMs: config.GRADQUIZ_DB_STARTUP_SECONDS * 1000,
    log: (line) => process.stderr.write(`${line}\n`),
  });
} catch (error) {
  if (error instanceof DatabaseLockedError) {
    process.stderr.write(`gradquiz: ${error.message}\n`);
    process.exit(3);
  }
  if (isStoreUnavailable(error)) {
    const reason = (error as Error).message.split('\n')[0];
    process.stderr.write(
      `gradquiz: the database could not be reached in ${config.GRADQUIZ_DB_STARTUP_SECONDS} s (${reason}); is it running, and is DATABASE_URL right?\n`,
    );
    process.exit(4);
  }
  throw error;
}
if (config.DISCORD_TOKEN !== undefined) {
  const { runDiscord } = await import('./discord.ts');
  await runDiscord(runtime, config);
} else {
  const { runConsole } = await import('./console.ts');
  await runConsole(runtime, config);
}
