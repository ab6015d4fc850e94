import { periodRange, startOfDate } from '../core/scoring/index.ts';
import type { AppContext } from './context.ts';
import type { AnalyticsScope } from './ports/index.ts';

export type StatsPeriod = 'week' | 'month' | 'all';

/** What an instructor asks about: a server or all data, a period or a first local date, maybe one card. */
export interface ScopeInput {
  /** One server; absent: all data (the CLI). */
  readonly guildId?: string;
  readonly cardId?: string;
  /** One user's own answers only. */
  readonly userId?: string;
  /** The current week (from Monday) or month, or all time; `since` wins over it. Default `all`. */
  readonly period?: StatsPeriod;
  /** From this local date (`YYYY-MM-DD`) on. */
  readonly since?: string;
  /** The zone local dates are read in: by default the server's, else UTC. */
  readonly timeZone?: string;
}

export type ResolvedScope =
  | {
      readonly kind: 'scope';
      readonly scope: AnalyticsScope;
      readonly period: StatsPeriod;
      readonly timeZone: string;
    }
  | { readonly kind: 'bad_date'; readonly since: string };

/** The instants a request covers: days and weeks in the server's zone (or the one given), UTC by default. */
export async function resolveScope(ctx: AppContext, input: ScopeInput): Promise<ResolvedScope> {
  const timeZone =
    input.timeZone ?? (input.guildId ? (await ctx.store.guilds.get(input.guildId)).timeZone : 'UTC');
  const period = input.period ?? 'all';
  const since =
    input.since !== undefined
      ? startOfDate(input.since, timeZone)
      : periodRange(period, ctx.clock.now(), timeZone).start;
  if (input.since !== undefined && since === undefined) return { kind: 'bad_date', since: input.since };
  return {
    kind: 'scope',
    period,
    timeZone,
    scope: {
      ...(input.guildId !== undefined ? { guildId: input.guildId } : {}),
      ...(input.cardId !== undefined ? { cardId: input.cardId } : {}),
      ...(input.userId !== undefined ? { userId: input.userId } : {}),
      ...(since !== undefined ? { since } : {}),
    },
  };
}
