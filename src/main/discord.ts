import { createBot } from '../adapters/discord/bot.ts';
import { createClient } from '../adapters/discord/client.ts';
import type { ReloadReport } from '../adapters/discord/deps.ts';
import { launcherGone } from '../adapters/discord/launcherGone.ts';
import { restOptions } from '../adapters/discord/restOptions.ts';
import { shardOptions } from '../adapters/discord/shardOptions.ts';
import { createLogger } from '../adapters/discord/logger.ts';
import { createRenderer, type Renderer } from '../adapters/render/index.ts';
import { loadSeeds } from '../adapters/seeds/loadSeeds.ts';
import { cardProblemWords } from '../adapters/text/cardProblemWords.ts';
import { logDeck } from './logDeck.ts';
import { advisoryBucketLock, databaseConfigOf, isStoreUnavailable } from '../adapters/store/index.ts';
import { sharedIdentifyThrottler } from '../adapters/discord/identifyThrottler.ts';
import { syncCards } from '../app/index.ts';
import type { Config } from '../config.ts';
import type { Runtime } from './runtime.ts';

const SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * `npm start` with DISCORD_TOKEN: the Discord bot on the shared runtime, until SIGTERM or SIGINT —
 * then it stops taking events, finishes the answers in flight, closes the gateway and the database.
 */
export async function runDiscord(runtime: Runtime, config: Config): Promise<void> {
  const token = config.DISCORD_TOKEN!;
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [token] });
  const { app, catalog } = runtime;

  const reloadCards = async (): Promise<ReloadReport> => {
    const bank = await loadSeeds(config.GRADQUIZ_SEEDS, runtime.memo);
    logDeck(logger, bank);
    catalog.replace(bank.cards);
    const sync = await syncCards(app, bank.cards);
    const broken = bank.broken.map((card) => ({
      file: card.file,
      message: card.problems.map(cardProblemWords).join('; '),
    }));
    return { cards: bank.cards.length, sync, broken };
  };

  let renderer: Renderer | undefined;
  try {
    renderer = await createRenderer();
  } catch (error) {
    logger.warn({ err: error }, 'images are off: the renderer did not start; cards are posted as text');
  }

  // On PostgreSQL other processes may share the bot's identify limit; PGlite is one process.
  const database = databaseConfigOf(config);
  const identifyLock = database.kind === 'postgres' ? advisoryBucketLock(database.url) : undefined;
  const lockFailed = (error: unknown) =>
    logger.warn({ err: error }, 'identify lock unavailable; this shard identifies without it');
  const client = createClient({
    ...restOptions(config),
    ...shardOptions(config.GRADQUIZ_SHARD_COUNT, config.GRADQUIZ_SHARD_IDS),
    ...(identifyLock
      ? { ws: { buildIdentifyThrottler: sharedIdentifyThrottler(identifyLock, lockFailed) } }
      : {}),
  });
  const bot = createBot({
    client,
    app,
    logger,
    renderer,
    reloadCards,
    isStoreUnavailable,
    quizIdleMs: config.GRADQUIZ_QUIZ_IDLE_DAYS * 24 * 60 * 60 * 1000,
    dailyIntervalMs: config.GRADQUIZ_DAILY_CHECK_SECONDS * 1000,
  });
  // `npm start` runs node under npm and tsx, which relay the signal a terminal or a supervisor sends
  // to the whole group: the same stop arrives more than once, and only the first one counts.
  const stopSignal = Promise.race([
    new Promise<NodeJS.Signals>((resolve) => {
      process.on('SIGTERM', resolve);
      process.on('SIGINT', resolve);
    }),
    launcherGone(),
  ]);

  logDeck(logger, runtime.bank);
  logger.info(
    {
      database: runtime.databaseDescription,
      cards: runtime.bank.cards.length,
      images: renderer !== undefined,
    },
    'starting the Discord bot',
  );
  try {
    await bot.login(token);
  } catch (error) {
    logger.fatal({ err: error }, 'could not connect to Discord (is DISCORD_TOKEN right?)');
    await bot.stop();
    await identifyLock?.close();
    await runtime.close();
    process.exitCode = 1;
    return;
  }
  const signal = await stopSignal;
  logger.info({ signal }, 'stopping');
  // Work that hangs (a database that went away) must not keep a supervisor waiting forever.
  setTimeout(() => {
    logger.error('shutdown took too long; exiting');
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS).unref();
  await bot.stop();
  await identifyLock?.close();
  await runtime.close();
  logger.info('stopped');
  logger.flush();
}
