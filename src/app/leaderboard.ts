import { localDate, periodRange, type LeaderboardPeriod, type PeriodRange } from '../core/scoring/index.ts';
import type { AppContext } from './context.ts';
import type { LeaderboardRow } from './ports/index.ts';

export type LeaderboardScope = 'server' | 'channel';

export interface LeaderboardInput {
  readonly guildId: string;
  readonly channelId: string;
  readonly userId: string;
  readonly period?: LeaderboardPeriod;
  readonly scope?: LeaderboardScope;
}

export interface LeaderboardResult {
  readonly period: LeaderboardPeriod;
  readonly scope: LeaderboardScope;
  readonly timeZone: string;
  readonly range: PeriodRange;
  readonly top: readonly LeaderboardRow[];
  /** The caller's line, when they have points in the period and take part in the leaderboards. */
  readonly me?: LeaderboardRow;
}

const LEADERBOARD_SIZE = 10;

/** The top 10 and the caller's rank, for a period in the guild's time zone (default: this week, the server). */
export async function leaderboard(ctx: AppContext, input: LeaderboardInput): Promise<LeaderboardResult> {
  const period = input.period ?? 'week';
  const scope = input.scope ?? 'server';
  const { timeZone } = await ctx.store.guilds.get(input.guildId);
  const range = periodRange(period, ctx.clock.now(), timeZone);
  const page = await ctx.store.leaderboards.page({
    guildId: input.guildId,
    ...(scope === 'channel' ? { channelId: input.channelId } : {}),
    period:
      period === 'all' || !range.start || !range.end
        ? { kind: 'all' }
        : { kind: period, start: range.start, end: range.end, firstDay: localDate(range.start, timeZone) },
    limit: LEADERBOARD_SIZE,
    userId: input.userId,
  });
  return { period, scope, timeZone, range, ...page };
}
