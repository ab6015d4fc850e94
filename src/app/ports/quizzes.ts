import type { QuizRecord } from './records.ts';

export interface OpenQuizQuery {
  readonly guildId?: string;
  /** Only quizzes of these guilds (a sharded process's own). */
  readonly guildIds?: readonly string[];
  readonly channelId?: string;
  readonly openedBy?: string;
  readonly createdSince?: Date;
  readonly limit: number;
}

/** Quizzes: posted cards, open until closed. */
export interface QuizStore {
  create(quiz: Omit<QuizRecord, 'id' | 'open'>): Promise<QuizRecord>;
  setPost(quizId: string, post: { threadId: string | null; messageId: string | null }): Promise<void>;
  close(quizId: string): Promise<void>;
  ofThread(threadId: string): Promise<QuizRecord | null>;
  /** Open quizzes matching the query, newest first, at most `limit` of them. */
  open(query: OpenQuizQuery): Promise<QuizRecord[]>;
  /**
   * Closes open quizzes created before `idleSince` with no attempt since then (at most `limit`, oldest
   * first), and returns them; only quizzes of `guildIds` when given.
   */
  closeIdle(query: { idleSince: Date; limit: number; guildIds?: readonly string[] }): Promise<QuizRecord[]>;
}
