import type { Client } from 'discord.js';
import type { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { AppContext, SyncCardsResult } from '../../app/index.ts';
import type { Renderer } from '../render/index.ts';
import type { SerialQueue } from '../../app/serialQueue.ts';

/** What `/quizadmin reload` reports: the cards now loaded, the store's sync, the files that did not load. */
export interface ReloadReport {
  readonly cards: number;
  readonly sync: SyncCardsResult;
  readonly broken: readonly { readonly file: string; readonly message: string }[];
}

/** Everything a command, a listener or the scheduler may use; built once by `startBot`. */
export interface BotDeps {
  readonly app: AppContext;
  readonly client: Client;
  readonly logger: Logger;
  /** Renders questions, solutions and read-backs; without one the bot posts readable text. */
  readonly renderer: Renderer | undefined;
  /** Reloads the cards from the seeds and syncs them into the store. */
  readonly reloadCards: () => Promise<ReloadReport>;
  /** One user's answers are graded one after another, so each lands on the part the last one left. */
  readonly perUser: SerialQueue;
  /** Whether an error means the database is out of reach (then an answer is tried again later). */
  readonly isStoreUnavailable: (error: unknown) => boolean;
  /** Delays between tries of an answer while the database is out of reach (tests shorten them). */
  readonly retryDelaysMs?: readonly number[];
  /** The externalIds of thread messages being handled now, so a second delivery meanwhile is dropped. */
  readonly handling: Set<string>;
  /** Answers replied to without a record (quiz finished, slow down …), so a redelivery is not answered again. */
  readonly repliedTo: LRUCache<string, true>;
  /** The externalIds of the answers waiting for the database (bounded: see `whileStoreDown`). */
  readonly waitingAnswers: Set<string>;
  /** Aborted when the bot stops: waits end. */
  readonly shutdown: AbortSignal;
}
