import type { Card, NumericCard } from '../core/cards/card.ts';
import type { Verdict } from '../core/grading/verdict.ts';
import type { Rng } from '../core/random/rng.ts';
import type { ReviewState } from '../core/scoring/index.ts';
import type { QuizLocation } from './context.ts';

export type { Rng };

/** The time, injected so that tests fix it. */
export interface Clock {
  now(): Date;
}

/** The cards loaded from the seeds (only the cards that load: broken ones are reported elsewhere). */
export interface CardCatalog {
  get(id: string): Card | undefined;
  all(): readonly Card[];
}

/** The core grader (`gradeAnswer` of `src/core/grading`), injected so use cases can be tested alone. */
export type Grader = (card: NumericCard, partLabel: string, input: string, rng: Rng) => Verdict;

export interface GuildSettings {
  readonly id: string;
  readonly timeZone: string;
  readonly hideMode: 'delete' | 'spoiler';
  /** Empty: every channel. */
  readonly allowedChannels: readonly string[];
  readonly dailyChannelId: string | null;
  readonly dailyTime: string | null;
}

export interface QuizRecord {
  readonly id: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly threadId: string | null;
  readonly messageId: string | null;
  readonly cardId: string;
  readonly openedBy: string | null;
  readonly open: boolean;
  readonly createdAt: Date;
}

export interface AttemptRecord {
  readonly id: string;
  readonly externalId: string;
  /** A graded answer's verdict, or `self_rated` for a flashcard's rating. */
  readonly verdict: Verdict['verdict'] | 'self_rated';
  readonly input: string;
  readonly cardId: string;
  readonly part: string;
  readonly isStep: boolean;
  readonly userId: string;
  readonly createdAt: Date;
  readonly quizId: string | null;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly points: number;
  readonly mistake: string | null;
  readonly feedback: string;
  /** A flashcard's self-rating (1 again … 4 easy); null for a graded answer. */
  readonly rating: number | null;
}

export interface ProgressRecord extends ReviewState {
  readonly userId: string;
  readonly cardId: string;
  readonly part: string;
  readonly status: 'to_learn' | 'learning' | 'mastered';
  readonly attempts: number;
  readonly hintsUsed: number;
  readonly roundWrong: number;
  readonly roundHints: number;
  readonly solvedAt: Date | null;
  readonly gaveUp: boolean;
}

/** A card as the store keeps it (synced from the seeds by content hash). */
export interface CardRecord {
  readonly id: string;
  readonly file: string;
  readonly contentHash: string;
  readonly title: string;
  readonly course: string;
  readonly tags: readonly string[];
  readonly difficulty: number;
  readonly retiredAt: Date | null;
}

export interface OpenQuizQuery {
  readonly guildId?: string;
  readonly channelId?: string;
  readonly openedBy?: string;
  readonly createdSince?: Date;
  readonly limit: number;
}

export interface LeaderboardQuery {
  readonly guildId: string;
  /** Absent: the whole server. */
  readonly channelId?: string;
  readonly start?: Date;
  readonly end?: Date;
  readonly limit: number;
  /** Whose own rank to report. */
  readonly userId: string;
}

export interface LeaderboardRow {
  readonly rank: number;
  readonly userId: string;
  readonly displayName: string;
  readonly points: number;
}

export interface LeaderboardPage {
  readonly top: readonly LeaderboardRow[];
  /** The caller's own line; absent when they have no points in the period or opted out. */
  readonly me?: LeaderboardRow;
}

/** The progress of one part as read, with the version a write must still find (see {@link Store.recordAnswer}). */
export interface ProgressSnapshot {
  readonly record: ProgressRecord;
  readonly version: number;
}

/** What `submitAnswer` reads before grading: one round trip, no lock. */
export interface AnswerContext {
  /** The attempt already recorded under this externalId, if any. */
  readonly duplicate: AttemptRecord | null;
  /** The quiz the answer is about (as {@link QuizLocation} resolves it), if any. */
  readonly quiz: QuizRecord | null;
  /** Parts of the quiz's card this user answered correctly inside this quiz. */
  readonly solvedInQuiz: ReadonlySet<string>;
  /** The user's progress on the parts of the quiz's card, by part label (a part never answered is absent). */
  readonly progress: ReadonlyMap<string, ProgressSnapshot>;
  /** The user's attempts recorded since `attemptsSince` (any quiz), so that the rate limit is checked before grading. */
  readonly recentAttempts: number;
}

/** A graded answer to record, computed from an {@link AnswerContext}. */
export interface AnswerRecord {
  readonly user: { readonly id: string; readonly displayName: string };
  readonly attempt: Omit<AttemptRecord, 'id'>;
  /** The part's progress after this answer. */
  readonly progress: ProgressRecord;
  /** The version of the progress the answer was computed from; null when the part had no progress row. */
  readonly expectedVersion: number | null;
  /** Refuse when the user already has `limit` attempts since `since`. */
  readonly rateLimit: { readonly limit: number; readonly since: Date };
}

export type RecordAnswerResult =
  | { readonly kind: 'recorded'; readonly attempt: AttemptRecord }
  | { readonly kind: 'duplicate'; readonly attempt: AttemptRecord }
  | { readonly kind: 'slow_down' }
  /** The progress changed since it was read: nothing was written. */
  | { readonly kind: 'stale' };

/** What a use case may do inside one transaction (an attempt, its progress and its points commit together). */
export interface StoreTransaction {
  /** Serialises everything one user does (rate limit, progress, points) until the transaction ends. */
  lockUser(userId: string): Promise<void>;
  findAttempt(externalId: string): Promise<AttemptRecord | null>;
  /** Answers since `since`, for the rate limit (flashcard ratings are not answers). */
  countAttemptsSince(userId: string, since: Date): Promise<number>;
  getProgress(userId: string, cardId: string, part: string): Promise<ProgressRecord | null>;
  saveProgress(progress: ProgressRecord): Promise<void>;
  insertAttempt(attempt: Omit<AttemptRecord, 'id'>): Promise<AttemptRecord>;
  /** Adds a first solve's points to the ledger and to the all-time totals (server and channel). */
  addPoints(entry: {
    attemptId: string;
    guildId: string;
    channelId: string;
    userId: string;
    points: number;
    createdAt: Date;
  }): Promise<void>;
}

/** The persistent state of gradquiz. */
export interface Store {
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;

  ensureUser(user: { id: string; displayName: string }): Promise<void>;
  getGuild(guildId: string): Promise<GuildSettings>;
  updateGuild(guildId: string, patch: Partial<Omit<GuildSettings, 'id'>>): Promise<GuildSettings>;

  createQuiz(quiz: Omit<QuizRecord, 'id' | 'open'>): Promise<QuizRecord>;
  setQuizPost(quizId: string, post: { threadId: string | null; messageId: string | null }): Promise<void>;
  closeQuiz(quizId: string): Promise<void>;
  findQuiz(quizId: string): Promise<QuizRecord | null>;
  findQuizByThread(threadId: string): Promise<QuizRecord | null>;
  latestOpenQuiz(guildId: string, channelId: string): Promise<QuizRecord | null>;
  /** Open quizzes matching the query, newest first, at most `limit` of them. */
  openQuizzes(query: OpenQuizQuery): Promise<QuizRecord[]>;
  /**
   * Closes, at `now`, open quizzes created before `idleSince` with no attempt since then (at most
   * `limit`, oldest first), and returns them.
   */
  closeIdleQuizzes(query: { idleSince: Date; now: Date; limit: number }): Promise<QuizRecord[]>;

  findAttempt(externalId: string): Promise<AttemptRecord | null>;
  /** Everything needed to grade an answer, read in one round trip (the duplicate, the quiz, the progress). */
  answerContext(query: {
    readonly externalId: string;
    readonly userId: string;
    readonly location: QuizLocation;
    /** Count the user's attempts recorded since then, for the rate limit. */
    readonly attemptsSince: Date;
  }): Promise<AnswerContext>;
  /**
   * Records a graded answer atomically, serialised per user like {@link StoreTransaction.lockUser}: ensures
   * the user, then checks the externalId, the rate limit and that the progress still has
   * `expectedVersion`, then writes the attempt, its points (ledger and totals) and the progress.
   */
  recordAnswer(answer: AnswerRecord): Promise<RecordAnswerResult>;
  /** Parts of the quiz's card this user answered correctly inside this quiz. */
  solvedPartsInQuiz(quizId: string, userId: string): Promise<Set<string>>;
  listProgress(userId: string): Promise<ProgressRecord[]>;
  /** Local dates (`YYYY-MM-DD` in `timeZone`) with at least one correct answer, most recent first. */
  correctAnswerDays(userId: string, timeZone: string, limit: number): Promise<string[]>;
  countAttempts(userId: string): Promise<number>;

  leaderboard(query: LeaderboardQuery): Promise<LeaderboardPage>;

  findUser(userId: string): Promise<{ id: string; displayName: string; leaderboardOptOut: boolean } | null>;
  setLeaderboardOptOut(userId: string, optOut: boolean): Promise<void>;
  /** Deletes the user with their attempts, progress and points; their quizzes stay, unowned. */
  deleteUser(userId: string): Promise<{ attempts: number }>;
  /**
   * Removes a member's record in one server (its attempts, points ledger and leaderboard rows),
   * serialised with their answers; their progress, kept per user across servers, stays.
   */
  resetMember(userId: string, guildId: string): Promise<{ attempts: number }>;

  listCards(): Promise<CardRecord[]>;
  saveCard(card: CardRecord): Promise<void>;
}
