export interface LeaderboardQuery {
  readonly guildId: string;
  /** Absent: the whole server. */
  readonly channelId?: string;
  /**
   * All time, or one week or month as the core bounds it in the guild's time zone: the instants it
   * covers (`[start, end)`) and its first local day (`YYYY-MM-DD`), which keys the period totals.
   */
  readonly period:
    | { readonly kind: 'all' }
    | {
        readonly kind: 'week' | 'month';
        readonly start: Date;
        readonly end: Date;
        readonly firstDay: string;
      };
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

/** Points totals, ranked (competition ranking, "1, 2, 2, 4"), without the users who left the leaderboards. */
export interface LeaderboardStore {
  page(query: LeaderboardQuery): Promise<LeaderboardPage>;
}
