import { LRUCache } from 'lru-cache';
import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { AppContext } from '../../app/index.ts';
import type { Renderer } from '../render/index.ts';
import { startDailyScheduler } from './daily/dailyScheduler.ts';
import { startIdleQuizCloser } from './jobs/idleQuizzes.ts';
import type { Periodic } from './jobs/periodic.ts';
import type { BotDeps, ReloadReport } from './deps.ts';
import { catchUpQuizThreads } from './listeners/catchUp.ts';
import { rejoinQuizThreads } from './listeners/clientReady.ts';
import { onInteraction } from './listeners/interactionCreate.ts';
import { onMessageCreate } from './listeners/messageCreate.ts';
import { onMessageUpdate } from './listeners/messageUpdate.ts';
import { createSerialQueue } from '../../app/serialQueue.ts';

export interface BotOptions {
  readonly client: Client;
  readonly app: AppContext;
  readonly logger: Logger;
  readonly renderer: Renderer | undefined;
  readonly reloadCards: () => Promise<ReloadReport>;
  /** How often the daily quizzes are checked; default every 30 s. */
  readonly dailyIntervalMs?: number;
  /** A quiz with no answer for this long is closed (`GRADQUIZ_QUIZ_IDLE_DAYS`). */
  readonly quizIdleMs: number;
  /** How often idle quizzes are looked for; default every 10 minutes. */
  readonly idleCheckIntervalMs?: number;
  readonly isStoreUnavailable: (error: unknown) => boolean;
  readonly retryDelaysMs?: readonly number[];
}

export interface Bot {
  readonly client: Client;
  /** Logs in and resolves once the gateway is ready. */
  login(token: string): Promise<void>;
  /** Stops taking new work, finishes what is in flight, and closes the gateway. */
  stop(): Promise<void>;
}

const DAILY_INTERVAL_MS = 30_000;
const IDLE_CHECK_INTERVAL_MS = 10 * 60_000;

/**
 * The Discord adapter: the listeners over the application core. Every event's work is tracked, so
 * that `stop` can wait for answers being recorded before the connection (and then the database)
 * closes.
 */
export function createBot(options: BotOptions): Bot {
  const { client, logger } = options;
  const shutdown = new AbortController();
  const deps: BotDeps = {
    ...options,
    perUser: createSerialQueue(),
    waitingAnswers: new Set(),
    repliedTo: new LRUCache({ max: 10_000 }),
    handling: new Set(),
    shutdown: shutdown.signal,
  };
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  let jobs: Periodic[] = [];

  const track = (work: Promise<unknown>): void => {
    const settled = work.catch((error: unknown) => logger.error({ err: error }, 'unhandled failure'));
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  };
  const accept =
    <A extends unknown[]>(handler: (...args: A) => Promise<void>) =>
    (...args: A): void => {
      if (!stopping) track(handler(...args));
    };

  client.on(
    Events.InteractionCreate,
    accept((interaction) => onInteraction(deps, interaction)),
  );
  client.on(
    Events.MessageCreate,
    accept((message) => onMessageCreate(deps, message)),
  );
  client.on(
    Events.MessageUpdate,
    accept((_old, message) => onMessageUpdate(deps, message)),
  );
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ code: event.code, shard }, 'gateway disconnected'),
  );
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));

  return {
    client,
    async login(token) {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(token);
      await ready;
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
      track(rejoinQuizThreads(deps).then(() => catchUpQuizThreads(deps)));
      jobs = [
        startDailyScheduler(deps, { intervalMs: options.dailyIntervalMs ?? DAILY_INTERVAL_MS, track }),
        startIdleQuizCloser(deps, {
          intervalMs: options.idleCheckIntervalMs ?? IDLE_CHECK_INTERVAL_MS,
          idleMs: options.quizIdleMs,
          track,
        }),
      ];
    },
    async stop() {
      stopping = true;
      shutdown.abort();
      for (const job of jobs) job.stop();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      await client.destroy();
      logger.info('disconnected from Discord');
    },
  };
}
