import type { Verdict } from '../../core/grading/verdict.ts';
import type { ReviewState } from '../../core/scoring/index.ts';

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
  /**
   * The verdict's reason code (`reasonCode`: `differs`, `sign`, `unreadable:syntax`,
   * `shape_error:product_mismatch` …), stable for grouping; '' for hints, give-ups and ratings. The
   * words are each adapter's, made from the verdict when it is shown.
   */
  readonly feedback: string;
  /** A flashcard's self-rating (1 again … 4 easy); null for a graded answer. */
  readonly rating: number | null;
  /** The answer's values at its part's fixed points, hashed: equal answers share it. Null when unreadable. */
  readonly signature: string | null;
  /** On the user's first correct answer to the part: their answers that counted up to and including it. */
  readonly solveTries: number | null;
}

/** A hint taken or a part given up, where and when: analytics counts these. */
export interface StudyEventRecord {
  readonly kind: 'hint' | 'give_up';
  readonly cardId: string;
  readonly part: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly createdAt: Date;
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

/** The progress of one part as read, with the version a write must still find. */
export interface ProgressSnapshot {
  readonly record: ProgressRecord;
  readonly version: number;
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
