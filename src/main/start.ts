import { loadConfig } from '../config.ts';
import { databaseConfigFromEnv, DatabaseLockedError } from '../adapters/store/index.ts';
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
  runtime = await openRuntime(
    config,
    databaseConfigFromEnv({ DATABASE_URL: config.DATABASE_URL, GRADQUIZ_DATA_DIR: config.GRADQUIZ_DATA_DIR }),
  );
} catch (error) {
  if (error instanceof DatabaseLockedError) {
    process.stderr.write(`gradquiz: ${error.message}\n`);
    process.exit(3);
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
