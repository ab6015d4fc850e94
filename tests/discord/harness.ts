import { createBot, type Bot } from '../../src/adapters/discord/bot.ts';
import type { ClientOptions } from 'discord.js';
import { createClient } from '../../src/adapters/discord/client.ts';
import { restOptions } from '../../src/adapters/discord/restOptions.ts';
import { startRestProxy, type RestProxy } from '../../src/adapters/discord/restProxy.ts';
import type { ReloadReport } from '../../src/adapters/discord/deps.ts';
import { createLogger } from '../../src/adapters/discord/logger.ts';
import { createRenderer, type Renderer } from '../../src/adapters/render/index.ts';
import { loadSeeds } from '../../src/adapters/seeds/loadSeeds.ts';
import {
  isStoreUnavailable,
  openDatabase,
  prismaStore,
  type Database,
} from '../../src/adapters/store/index.ts';
import { syncCards, type AppContext, type Clock, type Store } from '../../src/app/index.ts';
import { seededRng } from '../../src/core/random/rng.ts';
import { createAppContext, grader } from '../../src/main/appContext.ts';
import {
  startFakeDiscord,
  type FakeChannel,
  type FakeDiscord,
  type FakeDiscordOptions,
  type FakeMessage,
} from '../fake-discord/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

/** The card the hidden check uses: part 1 any form of (y - yhat) x, part 2 must use yhat. */
export const CARD = 'ssu_batch6_005';
export const RIGHT = '(y - yhat) * x';
export const WRONG = '(y - yhat) * w';

export interface HarnessOptions {
  readonly answersPerMinute?: number;
  readonly clock?: Clock;
  readonly fake?: FakeDiscordOptions;
  readonly dailyIntervalMs?: number;
  /** A quiz idle this long is closed (default 7 days), looked for every `idleCheckIntervalMs`. */
  readonly quizIdleMs?: number;
  readonly idleCheckIntervalMs?: number;
  /** Draw images (default true); false checks the readable-text fallback. */
  readonly images?: boolean;
  /** Wraps the real store, e.g. to make it fail for a while. */
  readonly wrapStore?: (store: Store) => Store;
  /** What `/quizadmin reload` does; default: syncs the same cards again. */
  readonly reloadCards?: () => Promise<ReloadReport>;
  /** The card folders the catalog is loaded from, together (default: the shipped `seeds/`). */
  readonly seedDirs?: readonly string[];
  /** Client options of the harness's bot, e.g. its shards. */
  readonly client?: Partial<ClientOptions>;
  /** Runs the REST proxy in front of the fake and points the bot at it (GRADQUIZ_REST_PROXY). */
  readonly restProxy?: boolean;
}

/** A fake Discord, a real store (PostgreSQL when DATABASE_URL is set, else PGlite in memory) and the bot. */
export interface Harness {
  readonly fake: FakeDiscord;
  readonly db: Database;
  readonly app: AppContext;
  /** JSON lines the bot logged. */
  readonly logs: string[];
  bot: Bot;
  /** The REST proxy, with `restProxy`. */
  readonly proxy: RestProxy | undefined;
  /** Destroys the client and logs in with a new one on the same database (a restart). */
  restart(): Promise<void>;
  /**
   * Another bot on the same fake and database (another process of a sharded deployment), logging to
   * `logs`; the caller stops it.
   */
  connect(client: Partial<ClientOptions>, logs: string[]): Promise<Bot>;
  /** The `"Attempt"` rows, oldest first. */
  attempts(): Promise<AttemptRow[]>;
  close(): Promise<void>;
}

export interface AttemptRow {
  externalId: string;
  verdict: string;
  part: string;
  input: string;
  userId: string;
  cardId: string;
  points: number;
  rating: number | null;
}

let renderer: Promise<Renderer> | undefined;

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeDiscord(options.fake);
  let test: TestDatabase | undefined;
  let db: Database;
  if (process.env['DATABASE_URL']) {
    test = await createTestDatabase();
    db = await openDatabase(test.config);
  } else {
    db = await openDatabase({ kind: 'pglite-memory' });
  }
  const cards = (
    await Promise.all((options.seedDirs ?? ['seeds']).map(async (dir) => (await loadSeeds(dir)).cards))
  ).flat();
  const byId = new Map(cards.map((card) => [card.id, card]));
  const app = createAppContext(
    { GRADQUIZ_ANSWERS_PER_MINUTE: options.answersPerMinute ?? 1000 },
    {
      store: (deps) => (options.wrapStore ?? ((store: Store) => store))(prismaStore(db, deps)),
      catalog: { get: (id) => byId.get(id), all: () => cards },
      ...(options.clock ? { clock: options.clock } : {}),
      rng: seededRng(7),
      grade: grader,
    },
  );
  await syncCards(app, cards);
  const images = options.images === false ? undefined : await (renderer ??= createRenderer());
  const logs: string[] = [];
  const loggerTo = (lines: string[]) =>
    createLogger({
      level: 'debug',
      secrets: [fake.token],
      destination: { write: (line: string) => void lines.push(line) },
    });

  const proxy = options.restProxy
    ? await startRestProxy({ upstream: fake.apiUrl, port: 0, globalRequestsPerSecond: 1e6 })
    : undefined;
  const { api } = restOptions({ DISCORD_API_URL: fake.apiUrl, GRADQUIZ_REST_PROXY: proxy?.url }).rest!;
  const connect = async (clientOptions = options.client, logger = loggerTo(logs)): Promise<Bot> => {
    const client = createClient({
      rest: { api, retries: 0, timeout: 5000, globalRequestsPerSecond: 1e6 },
      ...clientOptions,
    });
    const bot = createBot({
      client,
      app,
      logger,
      renderer: images,
      reloadCards:
        options.reloadCards ??
        (async () => ({ cards: cards.length, sync: await syncCards(app, cards), broken: [] })),
      ...(options.dailyIntervalMs ? { dailyIntervalMs: options.dailyIntervalMs } : {}),
      quizIdleMs: options.quizIdleMs ?? 7 * 24 * 60 * 60 * 1000,
      ...(options.idleCheckIntervalMs ? { idleCheckIntervalMs: options.idleCheckIntervalMs } : {}),
      isStoreUnavailable,
      retryDelaysMs: [50, 100, 200],
    });
    await bot.login(fake.token);
    return bot;
  };

  const harness: Harness = {
    fake,
    db,
    app,
    logs,
    proxy,
    bot: await connect(),
    async restart() {
      await harness.bot.stop();
      harness.bot = await connect();
    },
    connect: (client, lines) => connect(client, loggerTo(lines)),
    async attempts() {
      return db.prisma.attempt.findMany({
        orderBy: { createdAt: 'asc' },
        select: {
          externalId: true,
          verdict: true,
          part: true,
          input: true,
          userId: true,
          cardId: true,
          points: true,
          rating: true,
        },
      });
    },
    async close() {
      await harness.bot.stop();
      await proxy?.close();
      await fake.close();
      await db.close();
      await test?.drop();
    },
  };
  return harness;
}

/** Resolves once `condition` holds, looking every 20 ms; throws after `timeoutMs` naming `what`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The thread a quiz post opened. The bot opens it before the card shows when Discord lets it, and
 * right after otherwise, so a test waits for it rather than assuming either.
 */
export async function threadOf(fake: FakeDiscord, postId: string, timeoutMs = 10_000): Promise<FakeChannel> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const thread = fake.state.channels.get(postId);
    if (thread !== undefined && thread.parentId !== null) return thread;
    if (Date.now() > deadline)
      throw new Error(`no thread for the quiz post ${postId} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The custom ids of a message's buttons, in order. */
export function buttonIds(message: FakeMessage): string[] {
  return (message.components as { components: { custom_id: string }[] }[]).flatMap((row) =>
    row.components.map((button) => button.custom_id),
  );
}
