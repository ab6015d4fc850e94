import type { UserRef } from '../context.ts';

export interface MemberRecord extends UserRef {
  readonly leaderboardOptOut: boolean;
}

/** The users and what they chose about their data. */
export interface MemberStore {
  /** Creates the user, or updates their name. */
  ensure(user: UserRef): Promise<void>;
  find(userId: string): Promise<MemberRecord | null>;
  setLeaderboardOptOut(userId: string, optOut: boolean): Promise<void>;
  /** Deletes the user with their attempts, progress and points; their quizzes stay, unowned. */
  delete(userId: string): Promise<{ attempts: number }>;
  /**
   * Removes a member's record in one server (its attempts, points ledger and leaderboard rows),
   * serialised with their answers; their progress, kept per user across servers, stays.
   */
  reset(userId: string, guildId: string): Promise<{ attempts: number }>;
}
