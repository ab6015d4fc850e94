import type { ProgressRecord } from './records.ts';

/** What a user has done, read for their progress report and their reviews. */
export interface HistoryStore {
  /** Every part the user touched, by card then part. */
  progress(userId: string): Promise<ProgressRecord[]>;
  /** Local dates (`YYYY-MM-DD` in `timeZone`) with at least one correct answer, most recent first. */
  correctAnswerDays(userId: string, timeZone: string, limit: number): Promise<string[]>;
  /** Answers to parts that counted (correct or incorrect). */
  countAnswers(userId: string): Promise<number>;
}
