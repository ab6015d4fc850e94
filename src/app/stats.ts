import { isNumeric } from '../core/cards/card.ts';
import { RATING_NAMES, type ReviewRating } from '../core/scoring/index.ts';
import { resolveScope, type ScopeInput, type StatsPeriod } from './analyticsScope.ts';
import type { AppContext } from './context.ts';
import type { EventTally, PartTally, WrongGroupTally } from './ports/index.ts';

/** Wrong-answer groups and invalid reasons kept per part. */
const WRONG_GROUPS_PER_PART = 10;
const INVALID_REASONS_PER_PART = 5;

/** What stats are asked for: see {@link ScopeInput}. */
export type StatsInput = ScopeInput;

/** Wrong answers equal at the part's fixed points: one signature, however they were written. */
interface WrongAnswerGroup {
  /** The group's most frequent written form, as the reader normalised it (`(y - yhat) * x`). */
  readonly example: string;
  /** Attempts in the group. */
  readonly count: number;
  /** Distinct users who sent it. */
  readonly users: number;
  /** The diagnosis it got (`sign`, `missing_factor:dyhat/ds` …), when one was recognised. */
  readonly mistake?: string;
  readonly signature: string;
}

/** One part of one card over the scope. Every number counts answers, never names. */
export interface PartStats {
  readonly card: string;
  readonly part: string;
  /** Answers that counted: `correct` + `incorrect`. */
  readonly attempts: number;
  /** Distinct users with an answer that counted. */
  readonly users: number;
  /** Distinct users with a correct answer. */
  readonly solvedUsers: number;
  /** solvedUsers / users; null without users. */
  readonly solveRate: number | null;
  /** Over solvers, the answers that counted up to and including their first correct one; null without solvers. */
  readonly medianAttemptsToSolve: number | null;
  readonly hints: number;
  /** hints / solvedUsers; null without solvers. */
  readonly hintsPerSolve: number | null;
  readonly giveUps: number;
  /** Equal to the gradient but breaking the part's require/forbid: not counted in attempts. */
  readonly notSimplified: number;
  /** The largest groups of wrong answers, largest first. */
  readonly wrongGroups: readonly WrongAnswerGroup[];
  /** Unreadable answers: not counted in attempts; their most common reasons. */
  readonly invalid: {
    readonly count: number;
    readonly reasons: readonly { readonly reason: string; readonly count: number }[];
  };
}

/** A flashcard's self-ratings: how well students say they recalled it. Never wrong answers. */
interface FlashcardStats {
  readonly card: string;
  /** How many ratings of each kind. */
  readonly ratings: Readonly<Record<'again' | 'hard' | 'good' | 'easy', number>>;
}

/**
 * The analytics of a scope, as plain data: what `gradquiz stats --json` prints and what a Discord
 * embed or chart is drawn from.
 */
export interface StatsReport {
  readonly scope: {
    readonly guildId: string | null;
    readonly cardId: string | null;
    readonly period: StatsPeriod;
    /** The first instant counted (ISO 8601); null for all time. */
    readonly since: string | null;
    readonly timeZone: string;
  };
  /** Parts of graded cards, by card then part. */
  readonly parts: readonly PartStats[];
  readonly flashcards: readonly FlashcardStats[];
}

export type StatsResult =
  | { readonly kind: 'stats'; readonly report: StatsReport }
  | { readonly kind: 'bad_date'; readonly since: string };

const keyOf = (row: { cardId: string; part: string }) => `${row.cardId}\u0000${row.part}`;
const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** A group's most frequent written form, its forms read back by the reader and counted together. */
function exampleOf(ctx: AppContext, group: WrongGroupTally): string {
  const card = ctx.catalog.get(group.cardId);
  const forms = new Map<string, number>();
  for (const { input, count } of group.inputs) {
    const form = (card && isNumeric(card) && ctx.sign(card, group.part, input)?.normalized) || input;
    forms.set(form, (forms.get(form) ?? 0) + count);
  }
  let best = '';
  let most = 0;
  for (const [form, count] of forms) {
    if (count > most) [best, most] = [form, count];
  }
  return best;
}

function partStats(
  tally: PartTally,
  events: EventTally | undefined,
  wrong: readonly WrongAnswerGroup[],
  reasons: readonly { reason: string; count: number }[],
): PartStats {
  const hints = events?.hints ?? 0;
  return {
    card: tally.cardId,
    part: tally.part,
    attempts: tally.attempts,
    users: tally.users,
    solvedUsers: tally.solvedUsers,
    solveRate: ratio(tally.solvedUsers, tally.users),
    medianAttemptsToSolve: tally.medianAttemptsToSolve,
    hints,
    hintsPerSolve: ratio(hints, tally.solvedUsers),
    giveUps: events?.giveUps ?? 0,
    notSimplified: tally.notSimplified,
    wrongGroups: wrong,
    invalid: { count: tally.invalid, reasons },
  };
}

const EMPTY: Omit<PartTally, 'cardId' | 'part'> = {
  attempts: 0,
  users: 0,
  solvedUsers: 0,
  medianAttemptsToSolve: null,
  notSimplified: 0,
  invalid: 0,
};

/**
 * Item analysis over a server (or all data), a period and optionally one card: per part, how many tried
 * and solved it, how hard it was, and the wrong answers students share; flashcards' self-ratings apart.
 * Users who deleted their data are in no count.
 */
export async function stats(ctx: AppContext, input: StatsInput): Promise<StatsResult> {
  const resolved = await resolveScope(ctx, input);
  if (resolved.kind === 'bad_date') return resolved;
  const { scope, period, timeZone } = resolved;
  const { analytics } = ctx.store;
  const [tallies, events, groups, reasons, ratings] = await Promise.all([
    analytics.parts(scope),
    analytics.events(scope),
    analytics.wrongGroups(scope, WRONG_GROUPS_PER_PART),
    analytics.invalidReasons(scope, INVALID_REASONS_PER_PART),
    analytics.ratings(scope),
  ]);

  const eventsOf = new Map(events.map((row) => [keyOf(row), row]));
  const wrongOf = new Map<string, WrongAnswerGroup[]>();
  for (const group of groups) {
    const list = wrongOf.get(keyOf(group)) ?? [];
    list.push({
      example: exampleOf(ctx, group),
      count: group.count,
      users: group.users,
      ...(group.mistake !== null ? { mistake: group.mistake } : {}),
      signature: group.signature,
    });
    wrongOf.set(keyOf(group), list);
  }
  const reasonsOf = new Map<string, { reason: string; count: number }[]>();
  for (const row of reasons) {
    const list = reasonsOf.get(keyOf(row)) ?? [];
    list.push({ reason: row.reason, count: row.count });
    reasonsOf.set(keyOf(row), list);
  }
  // A part with hints or give-ups but no answer in the scope is still a part to show.
  const talliesOf = new Map(tallies.map((row) => [keyOf(row), row]));
  for (const row of events) {
    if (!talliesOf.has(keyOf(row)))
      talliesOf.set(keyOf(row), { cardId: row.cardId, part: row.part, ...EMPTY });
  }
  const parts = [...talliesOf.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, tally]) =>
      partStats(tally, eventsOf.get(key), wrongOf.get(key) ?? [], reasonsOf.get(key) ?? []),
    );

  const flashcards = new Map<string, Record<string, number>>();
  for (const row of ratings) {
    const spread = flashcards.get(row.cardId) ?? { again: 0, hard: 0, good: 0, easy: 0 };
    const name = RATING_NAMES[row.rating as ReviewRating];
    if (name !== undefined) spread[name] = row.count;
    flashcards.set(row.cardId, spread);
  }

  return {
    kind: 'stats',
    report: {
      scope: {
        guildId: input.guildId ?? null,
        cardId: input.cardId ?? null,
        period,
        since: scope.since?.toISOString() ?? null,
        timeZone,
      },
      parts,
      flashcards: [...flashcards].map(([card, spread]) => ({
        card,
        ratings: spread as FlashcardStats['ratings'],
      })),
    },
  };
}
