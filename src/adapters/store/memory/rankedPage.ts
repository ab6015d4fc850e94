import type {
  LeaderboardPage,
  LeaderboardQuery,
  LeaderboardRow,
  MemberRecord,
} from '../../../app/ports/index.ts';

export interface LedgerEntry {
  readonly guildId: string;
  readonly channelId: string;
  readonly userId: string;
  readonly points: number;
  readonly createdAt: Date;
}

/**
 * A leaderboard page from ledger entries: totals per user, without the users who left the leaderboards
 * or have no points, ranked by points then user id; competition ranking ("1, 2, 2, 4").
 */
export function rankedPage(
  entries: readonly LedgerEntry[],
  users: ReadonlyMap<string, MemberRecord>,
  query: Pick<LeaderboardQuery, 'limit' | 'userId'>,
): LeaderboardPage {
  const totals = new Map<string, number>();
  for (const entry of entries) totals.set(entry.userId, (totals.get(entry.userId) ?? 0) + entry.points);
  const listed = [...totals]
    .flatMap(([userId, points]) => {
      const user = users.get(userId);
      return user && !user.leaderboardOptOut && points > 0 ? [{ user, points }] : [];
    })
    .sort((a, b) => b.points - a.points || (a.user.id < b.user.id ? -1 : 1));
  const row = ({ user, points }: (typeof listed)[number]): LeaderboardRow => ({
    rank: listed.filter((other) => other.points > points).length + 1,
    userId: user.id,
    displayName: user.displayName,
    points,
  });
  const mine = listed.find((entry) => entry.user.id === query.userId);
  const top = listed.slice(0, query.limit).map(row);
  return mine ? { top, me: row(mine) } : { top };
}
