import type { CardCatalog, Clock, Grader, Rng, Signer, StepGrader, Store } from './ports/index.ts';
import type { SerialQueue } from './serialQueue.ts';

/** Everything the use cases depend on, wired once by a composition root. */
export interface AppContext {
  readonly store: Store;
  readonly catalog: CardCatalog;
  readonly clock: Clock;
  readonly rng: Rng;
  readonly grade: Grader;
  readonly gradeStep: StepGrader;
  /** Signs answers for analytics, at record time and in the backfill. */
  readonly sign: Signer;
  /** Graded answers a user may send per minute (SPEC: 6 by default). */
  readonly answersPerMinute: number;
  /**
   * One user's progress writes run one after another in this process, so a stale write is retried
   * only when another process wrote meanwhile (on PGlite, 16 concurrent writes of one user could
   * otherwise keep losing the race: it answers in arrival order).
   */
  readonly perUser: SerialQueue;
}

/** A user as a chat adapter knows them. */
export interface UserRef {
  readonly id: string;
  readonly displayName: string;
}

/** Where a command was sent: the quiz it names, its thread, or else the latest open quiz of the channel. */
export interface QuizLocation {
  readonly guildId: string;
  readonly channelId: string;
  readonly threadId?: string;
  readonly quizId?: string;
}
