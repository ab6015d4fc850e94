import type {
  LeaderboardPage,
  LeaderboardQuery,
  LeaderboardRow,
  LeaderboardStore,
} from '../../../app/ports/index.ts';
import { Prisma } from '../../../generated/prisma/client.ts';
import type { Database } from '../openDatabase.ts';

interface RankedRow {
  kind: 'top' | 'me';
  userId: string;
  displayName: string;
  points: number;
  above: number;
}

function rankRows(rows: RankedRow[]): LeaderboardPage {
  const top: LeaderboardRow[] = [];
  let me: LeaderboardRow | undefined;
  for (const row of rows) {
    if (row.kind === 'me') {
      me = { rank: row.above + 1, userId: row.userId, displayName: row.displayName, points: row.points };
    } else {
      // Competition ranking ("1, 2, 2, 4"): every user with more points is above in this ordered list.
      const rank = top.findIndex((other) => other.points === row.points);
      top.push({
        rank: rank === -1 ? top.length + 1 : top[rank]!.rank,
        userId: row.userId,
        displayName: row.displayName,
        points: row.points,
      });
    }
  }
  return me ? { top, me } : { top };
}

/**
 * The top rows and the caller's rank. All time reads the running totals ("ScoreTotal"), a week or a
 * month the period totals ("PeriodScore", keyed by the period's first local day): both through an index
 * on (listed, points), the rank as an index-only count of the listed users above.
 */
async function page(prisma: Database['prisma'], query: LeaderboardQuery): Promise<LeaderboardPage> {
  const { period } = query;
  const channel = query.channelId ?? '';
  const table = period.kind === 'all' ? Prisma.sql`"ScoreTotal"` : Prisma.sql`"PeriodScore"`;
  const filter =
    period.kind === 'all'
      ? Prisma.sql`s."guildId" = ${query.guildId} AND s."channelId" = ${channel}`
      : Prisma.sql`s."guildId" = ${query.guildId} AND s."channelId" = ${channel}
          AND s.period = ${period.kind} AND s.start = ${period.firstDay}::date`;
  return rankRows(
    await prisma.$queryRaw<RankedRow[]>`
      WITH mine AS (
        SELECT s.points, u."displayName" FROM ${table} s JOIN "User" u ON u.id = s."userId"
        WHERE ${filter} AND s."userId" = ${query.userId} AND s.listed AND s.points > 0)
      (SELECT 'top' AS kind, s."userId", u."displayName", s.points, 0 AS above
         FROM ${table} s JOIN "User" u ON u.id = s."userId"
         WHERE ${filter} AND s.listed AND s.points > 0
         ORDER BY s.points DESC, s."userId" LIMIT ${query.limit})
      UNION ALL
      SELECT 'me', ${query.userId}::text, m."displayName", m.points,
             (SELECT count(*) FROM ${table} s WHERE ${filter} AND s.listed AND s.points > m.points)::int
      FROM mine m`,
  );
}

export function prismaLeaderboards(prisma: Database['prisma']): LeaderboardStore {
  return { page: (query) => page(prisma, query) };
}
