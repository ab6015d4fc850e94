import type { QuizLocation, UserRef } from '../context.ts';
import type { AttemptRecord, ProgressRecord, ProgressSnapshot, QuizRecord } from './records.ts';

/** What a use case reads before it decides anything about a user's work on a quiz: one round trip, no lock. */
export interface AnswerContextQuery {
  readonly userId: string;
  readonly location: QuizLocation;
  /**
   * An answer, which earns points, counts only in an open quiz: a quiz named by id must be open too. Hints,
   * steps, solutions and ratings also reach a named quiz that has closed.
   */
  readonly answering: boolean;
  /** Look for an attempt already recorded under this externalId. */
  readonly externalId?: string;
  /** Count the user's answers recorded since then, for the rate limit. */
  readonly attemptsSince?: Date;
}

export interface AnswerContext {
  /** The attempt already recorded under the externalId, if any. */
  readonly duplicate: AttemptRecord | null;
  /**
   * The quiz the command is about: the one named (posted in this server and channel), else its thread's,
   * else the channel's latest open one.
   */
  readonly quiz: QuizRecord | null;
  /** Parts (and `part:step` labels) of the quiz's card this user answered correctly inside this quiz. */
  readonly solvedInQuiz: ReadonlySet<string>;
  /** The user's progress on the parts of the quiz's card, by part label (a part never touched is absent). */
  readonly progress: ReadonlyMap<string, ProgressSnapshot>;
  /** The user's answers since `attemptsSince` (flashcard ratings are not answers); 0 without it. */
  readonly recentAttempts: number;
}

/** A part's progress to write, and the version it was computed from (null: the part had no progress). */
export interface ProgressWrite {
  readonly progress: ProgressRecord;
  readonly expectedVersion: number | null;
}

/** Where and when a hint is taken or a part given up: the event row the write adds. */
export interface StudyMoment {
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly at: Date;
}

/** Refuse when the user already has `limit` answers since `since`. */
export interface RateLimit {
  readonly limit: number;
  readonly since: Date;
}

export type NewAttempt = Omit<AttemptRecord, 'id'>;

export type RecordAttemptResult =
  | { readonly kind: 'recorded'; readonly attempt: AttemptRecord }
  | { readonly kind: 'duplicate'; readonly attempt: AttemptRecord }
  | { readonly kind: 'slow_down' }
  /** A progress row moved since it was read: nothing was written; read again and decide again. */
  | { readonly kind: 'stale' };

/** Writes that carry no attempt: they either happen or find the progress moved. */
type RecordProgressResult = 'recorded' | 'stale';

/**
 * The user's work on quizzes. Every write is atomic and serialised per user: it ensures the user (with
 * their current name), then checks the externalId, the rate limit and that each progress row still
 * has its expected version, then writes the attempt, its points (ledger and totals) and the progress.
 * What to write — points, FSRS, status — is decided by the caller, from an {@link AnswerContext}.
 */
export interface AnswerStore {
  context(query: AnswerContextQuery): Promise<AnswerContext>;
  /** A graded answer to a part. */
  recordAnswer(write: {
    readonly user: UserRef;
    readonly attempt: NewAttempt;
    readonly progress: ProgressWrite;
    readonly rateLimit: RateLimit;
  }): Promise<RecordAttemptResult>;
  /** A graded answer to an intermediate step: no points, no progress, so never stale. */
  recordStep(write: {
    readonly user: UserRef;
    readonly attempt: NewAttempt;
    readonly rateLimit: RateLimit;
  }): Promise<Exclude<RecordAttemptResult, { kind: 'stale' }>>;
  /** A flashcard's self-rating: not an answer, so no rate limit. */
  recordRating(write: {
    readonly user: UserRef;
    readonly attempt: NewAttempt;
    readonly progress: ProgressWrite;
  }): Promise<Exclude<RecordAttemptResult, { kind: 'slow_down' }>>;
  /** A hint: its progress, and a `hint` event for its part. */
  takeHint(write: {
    readonly user: UserRef;
    readonly progress: ProgressWrite;
    readonly moment: StudyMoment;
  }): Promise<RecordProgressResult>;
  /** The parts a reveal gives up, all or none, each with a `give_up` event. */
  giveUp(write: {
    readonly user: UserRef;
    readonly parts: readonly ProgressWrite[];
    readonly moment: StudyMoment;
  }): Promise<RecordProgressResult>;
}
