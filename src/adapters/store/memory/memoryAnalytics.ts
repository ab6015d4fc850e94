import type {
  AnalyticsScope,
  AnalyticsStore,
  AttemptRecord,
  MemberRecord,
  PartTally,
  StudyEventRecord,
} from '../../../app/ports/index.ts';

/** A study event as the memory store keeps it: with its user. */
export interface StoredEvent extends StudyEventRecord {
  readonly userId: string;
}

/** What the memory store's analytics read. */
export interface AnalyticsState {
  attempts(): Iterable<AttemptRecord>;
  events(): Iterable<StoredEvent>;
  users(): ReadonlyMap<string, MemberRecord>;
  guilds(): Iterable<string>;
  /** Gives the attempt this signature if it has none; whether it did. */
  sign(attemptId: string, signature: string): boolean;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const partKey = (row: { cardId: string; part: string }) => `${row.cardId}\u0000${row.part}`;
const counted = (verdict: string) => verdict === 'correct' || verdict === 'incorrect';

function inScope(
  scope: AnalyticsScope,
  row: { guildId: string | null; createdAt: Date; cardId: string; userId: string },
) {
  return (
    (scope.guildId === undefined || row.guildId === scope.guildId) &&
    (scope.userId === undefined || row.userId === scope.userId) &&
    (scope.since === undefined || row.createdAt >= scope.since) &&
    (scope.cardId === undefined || row.cardId === scope.cardId)
  );
}

/** Groups rows by a key, keeping the first-seen order of keys. */
function groupBy<T>(rows: Iterable<T>, key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** The counts of each value, most frequent first, ties by value (as SQL's `ORDER BY count DESC, value`). */
function frequencies(values: readonly string[]): { value: string; count: number }[] {
  return [...groupBy(values, (v) => v)]
    .map(([value, all]) => ({ value, count: all.length }))
    .sort((a, b) => b.count - a.count || byText(a.value, b.value));
}

/** PostgreSQL's `percentile_cont(0.5)`: the middle value, or the mean of the two middle ones. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(mid)] as number) + (sorted[Math.ceil(mid)] as number)) / 2;
}

const byPart = (a: { cardId: string; part: string }, b: { cardId: string; part: string }) =>
  byText(a.cardId, b.cardId) || byText(a.part, b.part);

const chronological = (a: AttemptRecord, b: AttemptRecord) =>
  a.createdAt.getTime() - b.createdAt.getTime() || byText(a.id, b.id);

/** The {@link AnalyticsStore} over the memory store's rows, computing what the SQL computes. */
export function memoryAnalytics(state: AnalyticsState): AnalyticsStore {
  const answers = (scope: AnalyticsScope) =>
    [...state.attempts()].filter((a) => !a.isStep && a.verdict !== 'self_rated' && inScope(scope, a));

  const tally = (rows: AttemptRecord[]): PartTally => {
    const first = rows[0] as AttemptRecord;
    const usersWhere = (keep: (a: AttemptRecord) => boolean) =>
      new Set(rows.filter(keep).map((a) => a.userId)).size;
    return {
      cardId: first.cardId,
      part: first.part,
      attempts: rows.filter((a) => counted(a.verdict)).length,
      users: usersWhere((a) => counted(a.verdict)),
      solvedUsers: usersWhere((a) => a.verdict === 'correct'),
      medianAttemptsToSolve: median(rows.flatMap((a) => (a.solveTries === null ? [] : [a.solveTries]))),
      notSimplified: rows.filter((a) => a.verdict === 'not_simplified').length,
      invalid: rows.filter((a) => a.verdict === 'invalid').length,
    };
  };

  const ranked = <T extends { cardId: string; part: string }>(rows: T[], perPart: number) =>
    [...groupBy(rows.sort(byPart), partKey).values()].flatMap((group) => group.slice(0, perPart));

  return {
    parts: async (scope) => [...groupBy(answers(scope), partKey).values()].map(tally).sort(byPart),

    wrongGroups: async (scope, perPart) => {
      const wrong = answers(scope).filter((a) => a.verdict === 'incorrect' && a.signature !== null);
      const groups = [...groupBy(wrong, (a) => `${partKey(a)}\u0000${a.signature}`).values()].map((rows) => {
        const first = rows[0] as AttemptRecord;
        const mistakes = frequencies(rows.flatMap((a) => (a.mistake === null ? [] : [a.mistake])));
        return {
          cardId: first.cardId,
          part: first.part,
          signature: first.signature as string,
          count: rows.length,
          users: new Set(rows.map((a) => a.userId)).size,
          mistake: mistakes[0]?.value ?? null,
          inputs: frequencies(rows.map((a) => a.input))
            .slice(0, 5)
            .map(({ value, count }) => ({ input: value, count })),
        };
      });
      groups.sort((a, b) => b.count - a.count || byText(a.signature, b.signature));
      return ranked(groups, perPart);
    },

    invalidReasons: async (scope, perPart) => {
      const invalid = answers(scope).filter((a) => a.verdict === 'invalid');
      const reasons = [...groupBy(invalid, partKey).values()].flatMap((rows) =>
        frequencies(rows.map((a) => a.feedback)).map(({ value, count }) => ({
          cardId: (rows[0] as AttemptRecord).cardId,
          part: (rows[0] as AttemptRecord).part,
          reason: value,
          count,
        })),
      );
      return ranked(reasons, perPart);
    },

    events: async (scope) =>
      [
        ...groupBy(
          [...state.events()].filter((e) => inScope(scope, e)),
          partKey,
        ).values(),
      ]
        .map((rows) => ({
          cardId: (rows[0] as StoredEvent).cardId,
          part: (rows[0] as StoredEvent).part,
          hints: rows.filter((e) => e.kind === 'hint').length,
          giveUps: rows.filter((e) => e.kind === 'give_up').length,
        }))
        .sort(byPart),

    ratings: async (scope) => {
      const rated = [...state.attempts()].filter(
        (a) => a.verdict === 'self_rated' && a.rating !== null && inScope(scope, a),
      );
      return [...groupBy(rated, (a) => `${a.cardId}\u0000${a.rating}`).values()]
        .map((rows) => ({
          cardId: (rows[0] as AttemptRecord).cardId,
          rating: (rows[0] as AttemptRecord).rating as number,
          count: rows.length,
        }))
        .sort((a, b) => byText(a.cardId, b.cardId) || a.rating - b.rating);
    },

    attemptPage: async (scope, after, limit) =>
      [...state.attempts()]
        .filter(
          (a) =>
            inScope(scope, a) &&
            (after === null ||
              a.createdAt > after.createdAt ||
              (a.createdAt.getTime() === after.createdAt.getTime() && a.id > after.id)),
        )
        .sort(chronological)
        .slice(0, limit)
        .map((a) => ({
          id: a.id,
          createdAt: a.createdAt,
          guildId: a.guildId,
          channelId: a.channelId,
          userId: a.userId,
          cardId: a.cardId,
          part: a.part,
          verdict: a.verdict,
          mistake: a.mistake,
          points: a.points,
          signature: a.signature,
          input: a.input,
        })),

    names: async (userIds) =>
      new Map(
        userIds.flatMap((id) => {
          const user = state.users().get(id);
          return user ? [[id, user.displayName] as const] : [];
        }),
      ),

    gradePage: async (scope, after, limit) =>
      [
        ...groupBy(
          [...state.attempts()].filter((a) => inScope(scope, a)),
          (a) => a.userId,
        ),
      ]
        .filter(([userId]) => after === null || userId > after)
        .sort(([a], [b]) => byText(a, b))
        .slice(0, limit)
        .map(([userId, rows]) => {
          const answered = rows.filter((a) => !a.isStep);
          return {
            userId,
            displayName: state.users().get(userId)?.displayName ?? '',
            partsSolved: new Set(answered.filter((a) => a.verdict === 'correct').map(partKey)).size,
            points: rows.reduce((sum, a) => sum + a.points, 0),
            attempts: answered.filter((a) => counted(a.verdict)).length,
            lastActivity: new Date(Math.max(...rows.map((a) => a.createdAt.getTime()))),
          };
        }),

    guilds: async () => [...state.guilds()].sort(byText),

    unsigned: async (after, limit) =>
      [...state.attempts()]
        .filter(
          (a) => a.signature === null && counted(a.verdict) && !a.isStep && (after === null || a.id > after),
        )
        .sort((a, b) => byText(a.id, b.id))
        .slice(0, limit)
        .map(({ id, cardId, part, input }) => ({ id, cardId, part, input })),

    sign: async (signatures) => signatures.filter(({ id, signature }) => state.sign(id, signature)).length,
  };
}
