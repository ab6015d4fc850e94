/**
 * What the analytics read: counts over attempts and study events, never a name (exports aside). Every
 * query takes a {@link AnalyticsScope}; users who deleted their data are gone from every count (their
 * rows went with them).
 */
export interface AnalyticsScope {
  /** One server; absent: all data. */
  readonly guildId?: string;
  /** Only what happened at or after this instant. */
  readonly since?: Date;
  /** One card. */
  readonly cardId?: string;
  /** One user's own (the practice mode's `/stats`). */
  readonly userId?: string;
}

/** The answers to one part that counted (steps aside). */
export interface PartTally {
  readonly cardId: string;
  readonly part: string;
  /** `correct` + `incorrect`. */
  readonly attempts: number;
  /** Distinct users with an attempt. */
  readonly users: number;
  /** Distinct users with a correct attempt. */
  readonly solvedUsers: number;
  /** Over the first solves in the scope: the answers that counted up to and including each. */
  readonly medianAttemptsToSolve: number | null;
  readonly notSimplified: number;
  readonly invalid: number;
}

/** Incorrect answers to one part that share a signature. */
export interface WrongGroupTally {
  readonly cardId: string;
  readonly part: string;
  readonly signature: string;
  readonly count: number;
  readonly users: number;
  /** The diagnosis most of them got, if any. */
  readonly mistake: string | null;
  /** Their most frequent written forms (a few), most frequent first. */
  readonly inputs: readonly { readonly input: string; readonly count: number }[];
}

/** Invalid answers to one part with the same stored reason. */
export interface InvalidReasonTally {
  readonly cardId: string;
  readonly part: string;
  readonly reason: string;
  readonly count: number;
}

export interface EventTally {
  readonly cardId: string;
  readonly part: string;
  readonly hints: number;
  readonly giveUps: number;
}

/** A flashcard's self-ratings (1 again … 4 easy). */
export interface RatingTally {
  readonly cardId: string;
  readonly rating: number;
  readonly count: number;
}

/** One attempt as an export reads it (the user's name comes apart: {@link AnalyticsStore.names}). */
export interface AttemptPageRow {
  readonly id: string;
  readonly createdAt: Date;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly userId: string;
  readonly cardId: string;
  readonly part: string;
  readonly verdict: string;
  readonly mistake: string | null;
  readonly points: number;
  readonly signature: string | null;
  readonly input: string;
}

/** One attempt as an export writes it: with the user's current name. */
export interface AttemptExportRow extends AttemptPageRow {
  readonly displayName: string;
}

/** Where a page of attempts resumes: after this attempt (keyset pagination, in time order). */
interface AttemptCursor {
  readonly createdAt: Date;
  readonly id: string;
}

/** One user's standing for a gradebook. */
export interface GradeRow {
  readonly userId: string;
  readonly displayName: string;
  /** Distinct (card, part) answered correctly. */
  readonly partsSolved: number;
  readonly points: number;
  /** `correct` + `incorrect`. */
  readonly attempts: number;
  readonly lastActivity: Date;
}

/** An attempt still without a signature, for the one-off backfill. */
export interface UnsignedAttempt {
  readonly id: string;
  readonly cardId: string;
  readonly part: string;
  readonly input: string;
}

export interface AnalyticsStore {
  parts(scope: AnalyticsScope): Promise<PartTally[]>;
  /** The `perPart` largest groups of each part, largest first. */
  wrongGroups(scope: AnalyticsScope, perPart: number): Promise<WrongGroupTally[]>;
  /** The `perPart` most frequent reasons of each part, most frequent first. */
  invalidReasons(scope: AnalyticsScope, perPart: number): Promise<InvalidReasonTally[]>;
  events(scope: AnalyticsScope): Promise<EventTally[]>;
  ratings(scope: AnalyticsScope): Promise<RatingTally[]>;
  /** Up to `limit` attempts (steps and ratings included) after `after`, in time order (one server's: with a guildId). */
  attemptPage(scope: AnalyticsScope, after: AttemptCursor | null, limit: number): Promise<AttemptPageRow[]>;
  /** The current names of these users (a user gone is absent). */
  names(userIds: readonly string[]): Promise<Map<string, string>>;
  /** Every server's id, in order: an all-data export goes through them one at a time. */
  guilds(): Promise<string[]>;
  /** Up to `limit` users after the user id `after`, by id. */
  gradePage(scope: AnalyticsScope, after: string | null, limit: number): Promise<GradeRow[]>;
  /** Up to `limit` correct or incorrect attempts without a signature, after the id `after`, by id. */
  unsigned(after: string | null, limit: number): Promise<UnsignedAttempt[]>;
  /** Sets signatures of attempts that have none (an attempt already signed keeps its own). */
  sign(signatures: readonly { readonly id: string; readonly signature: string }[]): Promise<number>;
}
