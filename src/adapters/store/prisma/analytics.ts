import type {
  AnalyticsScope,
  AnalyticsStore,
  AttemptPageRow,
  GradeRow,
  InvalidReasonTally,
  PartTally,
  RatingTally,
  UnsignedAttempt,
  WrongGroupTally,
} from '../../../app/ports/index.ts';
import { Prisma } from '../../../generated/prisma/client.ts';
import type { Database } from '../openDatabase.ts';
import { timestamp } from './rows.ts';

type Client = Database['prisma'];

/** The scope as conditions on a table aliased `alias` (Attempt or StudyEvent: both have these columns). */
function inScope(scope: AnalyticsScope, alias: string): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const conditions = [
    scope.guildId !== undefined ? Prisma.sql`${column('guildId')} = ${scope.guildId}` : undefined,
    scope.since !== undefined ? Prisma.sql`${column('createdAt')} >= ${timestamp(scope.since)}` : undefined,
    scope.cardId !== undefined ? Prisma.sql`${column('cardId')} = ${scope.cardId}` : undefined,
    scope.userId !== undefined ? Prisma.sql`${column('userId')} = ${scope.userId}` : undefined,
  ].filter((condition): condition is Prisma.Sql => condition !== undefined);
  return conditions.length === 0 ? Prisma.sql`TRUE` : Prisma.join(conditions, ' AND ');
}

// One pass over the part's index (card, part, user, time, verdict, step, tries): no table row is read.
const parts = (prisma: Client, scope: AnalyticsScope) => prisma.$queryRaw<PartTally[]>`
  SELECT a."cardId", a.part,
         (count(*) FILTER (WHERE a.verdict IN ('correct', 'incorrect')))::int AS attempts,
         (count(DISTINCT a."userId") FILTER (WHERE a.verdict IN ('correct', 'incorrect')))::int AS users,
         (count(DISTINCT a."userId") FILTER (WHERE a.verdict = 'correct'))::int AS "solvedUsers",
         percentile_cont(0.5) WITHIN GROUP (ORDER BY a."solveTries") AS "medianAttemptsToSolve",
         (count(*) FILTER (WHERE a.verdict = 'not_simplified'))::int AS "notSimplified",
         (count(*) FILTER (WHERE a.verdict = 'invalid'))::int AS invalid
  FROM "Attempt" a
  WHERE NOT a."isStep" AND a.verdict IN ('correct', 'incorrect', 'not_simplified', 'invalid')
    AND ${inScope(scope, 'a')}
  GROUP BY a."cardId", a.part ORDER BY a."cardId", a.part`;

/**
 * Answers of a wrong-answer group read for its written forms: a group's most frequent form shows in a
 * sample of this size, and a group of a million answers costs no more than one of 50.
 */
const INPUT_SAMPLE = 50;

// `mode()` is the most frequent non-null diagnosis (ties, like every tie here, in byte order: `COLLATE "C"`,
// as the memory store compares); the group's most frequent written forms come from
// the same index (guild, card, part, signature).
const wrongGroups = (prisma: Client, scope: AnalyticsScope, perPart: number) =>
  prisma.$queryRaw<WrongGroupTally[]>`
  WITH groups AS (
    SELECT a."cardId", a.part, a.signature, count(*)::int AS count, count(DISTINCT a."userId")::int AS users,
           mode() WITHIN GROUP (ORDER BY a.mistake COLLATE "C") AS mistake,
           row_number() OVER (PARTITION BY a."cardId", a.part ORDER BY count(*) DESC, a.signature) AS rank
    FROM "Attempt" a
    WHERE a.verdict = 'incorrect' AND NOT a."isStep" AND a.signature IS NOT NULL AND ${inScope(scope, 'a')}
    GROUP BY a."cardId", a.part, a.signature)
  SELECT g."cardId", g.part, g.signature, g.count, g.users, g.mistake,
         (SELECT coalesce(json_agg(json_build_object('input', f.input, 'count', f.count)), '[]'::json) FROM (
            SELECT s.input, count(*)::int AS count FROM (
              SELECT b.input FROM "Attempt" b
              WHERE b."cardId" = g."cardId" AND b.part = g.part AND b.signature = g.signature
                AND b.verdict = 'incorrect' AND NOT b."isStep" AND ${inScope(scope, 'b')}
              LIMIT ${INPUT_SAMPLE}) s
            GROUP BY s.input ORDER BY count(*) DESC, s.input COLLATE "C" LIMIT 5) f) AS inputs
  FROM groups g WHERE g.rank <= ${perPart}
  ORDER BY g."cardId", g.part, g.rank`;

// The stored reason of an invalid answer is its `feedback` column, grouped as it is.
const invalidReasons = (prisma: Client, scope: AnalyticsScope, perPart: number) =>
  prisma.$queryRaw<InvalidReasonTally[]>`
  SELECT "cardId", part, reason, count FROM (
    SELECT a."cardId", a.part, a.feedback AS reason, count(*)::int AS count,
           row_number() OVER (PARTITION BY a."cardId", a.part ORDER BY count(*) DESC, a.feedback COLLATE "C") AS rank
    FROM "Attempt" a
    WHERE a.verdict = 'invalid' AND NOT a."isStep" AND ${inScope(scope, 'a')}
    GROUP BY a."cardId", a.part, a.feedback) r
  WHERE rank <= ${perPart} ORDER BY "cardId", part, rank`;

const events = (prisma: Client, scope: AnalyticsScope) => prisma.$queryRaw<
  { cardId: string; part: string; hints: number; giveUps: number }[]
>`
  SELECT e."cardId", e.part, (count(*) FILTER (WHERE e.kind = 'hint'))::int AS hints,
         (count(*) FILTER (WHERE e.kind = 'give_up'))::int AS "giveUps"
  FROM "StudyEvent" e WHERE ${inScope(scope, 'e')}
  GROUP BY e."cardId", e.part ORDER BY e."cardId", e.part`;

const ratings = (prisma: Client, scope: AnalyticsScope) => prisma.$queryRaw<RatingTally[]>`
  SELECT a."cardId", a.rating, count(*)::int AS count
  FROM "Attempt" a WHERE a.verdict = 'self_rated' AND a.rating IS NOT NULL AND ${inScope(scope, 'a')}
  GROUP BY a."cardId", a.rating ORDER BY a."cardId", a.rating`;

const attemptPage = (
  prisma: Client,
  scope: AnalyticsScope,
  after: { createdAt: Date; id: string } | null,
  limit: number,
) => prisma.$queryRaw<AttemptPageRow[]>`
  SELECT a.id, a."createdAt", a."guildId", a."channelId", a."userId", a."cardId", a.part,
         a.verdict, a.mistake, a.points, a.signature, a.input
  FROM "Attempt" a
  WHERE ${inScope(scope, 'a')}
    AND ${after ? Prisma.sql`(a."createdAt", a.id) > (${timestamp(after.createdAt)}, ${after.id})` : Prisma.sql`TRUE`}
  ORDER BY a."createdAt", a.id LIMIT ${limit}`;

const gradePage = (prisma: Client, scope: AnalyticsScope, after: string | null, limit: number) =>
  prisma.$queryRaw<GradeRow[]>`
  SELECT g."userId", u."displayName", g."partsSolved", g.points, g.attempts, g."lastActivity"
  FROM (
    SELECT a."userId",
           (count(DISTINCT (a."cardId", a.part)) FILTER (WHERE a.verdict = 'correct' AND NOT a."isStep"))::int AS "partsSolved",
           sum(a.points)::int AS points,
           (count(*) FILTER (WHERE a.verdict IN ('correct', 'incorrect') AND NOT a."isStep"))::int AS attempts,
           max(a."createdAt") AS "lastActivity"
    FROM "Attempt" a
    WHERE ${inScope(scope, 'a')} AND ${after === null ? Prisma.sql`TRUE` : Prisma.sql`a."userId" > ${after}`}
    GROUP BY a."userId" ORDER BY a."userId" LIMIT ${limit}) g
  JOIN "User" u ON u.id = g."userId"
  ORDER BY g."userId"`;

const unsigned = (prisma: Client, after: string | null, limit: number) => prisma.$queryRaw<UnsignedAttempt[]>`
  SELECT id, "cardId", part, input FROM "Attempt"
  WHERE signature IS NULL AND verdict IN ('correct', 'incorrect') AND NOT "isStep"
    AND ${after === null ? Prisma.sql`TRUE` : Prisma.sql`id > ${after}`}
  ORDER BY id LIMIT ${limit}`;

/** The {@link AnalyticsStore} in SQL: aggregates computed by the database, pages by keyset. */
export function prismaAnalytics(prisma: Client): AnalyticsStore {
  return {
    parts: async (scope) =>
      (await parts(prisma, scope)).map((row) => ({
        ...row,
        medianAttemptsToSolve: row.medianAttemptsToSolve === null ? null : Number(row.medianAttemptsToSolve),
      })),
    wrongGroups: (scope, perPart) => wrongGroups(prisma, scope, perPart),
    invalidReasons: (scope, perPart) => invalidReasons(prisma, scope, perPart),
    events: (scope) => events(prisma, scope),
    ratings: (scope) => ratings(prisma, scope),
    attemptPage: (scope, after, limit) => attemptPage(prisma, scope, after, limit),
    names: async (userIds) =>
      new Map(
        (
          await prisma.user.findMany({
            where: { id: { in: [...userIds] } },
            select: { id: true, displayName: true },
          })
        ).map((user) => [user.id, user.displayName]),
      ),
    gradePage: (scope, after, limit) => gradePage(prisma, scope, after, limit),
    guilds: async () =>
      (await prisma.guild.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((g) => g.id),
    unsigned: (after, limit) => unsigned(prisma, after, limit),
    sign: (signatures) =>
      prisma.$executeRaw`
        UPDATE "Attempt" a SET signature = s.signature
        FROM jsonb_to_recordset(${JSON.stringify(signatures)}::jsonb) AS s(id TEXT, signature TEXT)
        WHERE a.id = s.id AND a.signature IS NULL`,
  };
}
