import { randomUUID } from 'node:crypto';

import type {
  AnswerContext,
  AnswerRecord,
  AttemptRecord,
  GuildSettings,
  LeaderboardPage,
  LeaderboardQuery,
  LeaderboardRow,
  ProgressRecord,
  ProgressSnapshot,
  QuizRecord,
  RecordAnswerResult,
  Store,
  StoreTransaction,
} from '../../app/ports.ts';
import type { Attempt, Guild, Progress, Quiz } from '../../generated/prisma/client.ts';
import { localDate, periodRange } from '../../core/scoring/index.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { Database, TransactionClient } from './openDatabase.ts';

type Client = Database['prisma'] | TransactionClient;

const toGuild = (row: Guild): GuildSettings => ({
  id: row.id,
  timeZone: row.timeZone,
  hideMode: row.hideMode === 'spoiler' ? 'spoiler' : 'delete',
  allowedChannels: row.allowedChannels,
  dailyChannelId: row.dailyChannelId,
  dailyTime: row.dailyTime,
});

const toQuiz = (row: Quiz): QuizRecord => ({
  id: row.id,
  guildId: row.guildId,
  channelId: row.channelId,
  threadId: row.threadId,
  messageId: row.messageId,
  cardId: row.cardId,
  openedBy: row.openedBy,
  open: row.open,
  createdAt: row.createdAt,
});

const toAttempt = (row: Attempt): AttemptRecord => ({
  ...row,
  verdict: row.verdict as AttemptRecord['verdict'],
});

const toProgress = (row: Progress): ProgressRecord => ({
  userId: row.userId,
  cardId: row.cardId,
  part: row.part,
  status: row.status as ProgressRecord['status'],
  attempts: row.attempts,
  hintsUsed: row.hintsUsed,
  roundWrong: row.roundWrong,
  roundHints: row.roundHints,
  solvedAt: row.solvedAt,
  gaveUp: row.gaveUp,
  due: row.due,
  stability: row.stability,
  difficulty: row.difficulty,
  elapsedDays: row.elapsedDays,
  scheduledDays: row.scheduledDays,
  learningSteps: row.learningSteps,
  reps: row.reps,
  lapses: row.lapses,
  state: row.state,
  lastReview: row.lastReview,
});

// Timestamps are stored as UTC `timestamp(3)`: an ISO string cast to it keeps the UTC wall time.
const timestamp = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

function transactionStore(tx: TransactionClient): StoreTransaction {
  return {
    lockUser: async (userId) => {
      await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    },
    findAttempt: async (externalId) => {
      const row = await tx.attempt.findUnique({ where: { externalId } });
      return row && toAttempt(row);
    },
    countAttemptsSince: (userId, since) =>
      tx.attempt.count({ where: { userId, createdAt: { gte: since }, verdict: { not: 'self_rated' } } }),
    getProgress: async (userId, cardId, part) => {
      const row = await tx.progress.findUnique({ where: { userId_cardId_part: { userId, cardId, part } } });
      return row && toProgress(row);
    },
    saveProgress: async (progress) => {
      const { userId, cardId, part, ...fields } = progress;
      await tx.progress.upsert({
        where: { userId_cardId_part: { userId, cardId, part } },
        create: progress,
        // The version tells recordAnswer that this row moved since it was read.
        update: { ...fields, version: { increment: 1 } },
      });
    },
    insertAttempt: async (attempt) => toAttempt(await tx.attempt.create({ data: attempt })),
    addPoints: async (entry) => {
      await tx.pointsEntry.create({ data: entry });
      await tx.$executeRaw`
        INSERT INTO "ScoreTotal" ("guildId", "channelId", "userId", points)
        VALUES (${entry.guildId}, '', ${entry.userId}, ${entry.points}),
               (${entry.guildId}, ${entry.channelId}, ${entry.userId}, ${entry.points})
        ON CONFLICT ("guildId", "channelId", "userId") DO UPDATE SET points = "ScoreTotal".points + EXCLUDED.points`;
    },
  };
}

// `row_to_json` writes a `timestamp(3)` as its UTC wall time without a zone.
type JsonRow = Record<string, unknown>;
const jsonDate = (value: unknown): Date => new Date(`${String(value)}Z`);
const jsonDateOrNull = (value: unknown): Date | null => (value === null ? null : jsonDate(value));
const parsed = <T>(value: unknown): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : (value as T);

const attemptFromJson = (row: JsonRow): AttemptRecord =>
  toAttempt({ ...(row as unknown as Attempt), createdAt: jsonDate(row['createdAt']) });

const quizFromJson = (row: JsonRow): QuizRecord =>
  toQuiz({ ...(row as unknown as Quiz), createdAt: jsonDate(row['createdAt']) });

const progressFromJson = (row: JsonRow): ProgressSnapshot => ({
  record: toProgress({
    ...(row as unknown as Progress),
    solvedAt: jsonDateOrNull(row['solvedAt']),
    due: jsonDateOrNull(row['due']),
    lastReview: jsonDateOrNull(row['lastReview']),
  }),
  version: row['version'] as number,
});

interface AnswerContextRow {
  duplicate: unknown;
  quiz: unknown;
  solved: string[] | null;
  progress: unknown;
  recent: number;
}

/**
 * submitAnswer's reads in one statement: the attempt already recorded under the externalId, the quiz as
 * `resolveQuiz` finds it (the one named, if it was posted where the answer comes from and is still open;
 * else the thread's; else the channel's latest open one), the parts
 * this user solved in it, their progress on its card, and how many attempts they made since `attemptsSince`.
 */
async function answerContext(
  prisma: Client,
  { externalId, userId, location, attemptsSince }: Parameters<Store['answerContext']>[0],
): Promise<AnswerContext> {
  const quizId = location.quizId ?? null;
  const threadId = location.quizId ? null : (location.threadId ?? null);
  const [row] = await prisma.$queryRaw<AnswerContextRow[]>`
    WITH named AS (
      SELECT * FROM "Quiz" WHERE id = ${quizId}
        AND "guildId" = ${location.guildId} AND "channelId" = ${location.channelId} AND open),
    threaded AS (SELECT * FROM "Quiz" WHERE "threadId" = ${threadId}),
    latest AS (
      SELECT * FROM "Quiz"
      WHERE ${quizId}::text IS NULL AND NOT EXISTS (SELECT 1 FROM threaded)
        AND "guildId" = ${location.guildId} AND "channelId" = ${location.channelId} AND open
      ORDER BY "createdAt" DESC LIMIT 1),
    quiz AS (SELECT * FROM named UNION ALL SELECT * FROM threaded UNION ALL SELECT * FROM latest LIMIT 1)
    SELECT
      (SELECT row_to_json(a) FROM "Attempt" a WHERE a."externalId" = ${externalId}) AS duplicate,
      (SELECT row_to_json(q) FROM quiz q) AS quiz,
      (SELECT array_agg(DISTINCT a.part) FROM "Attempt" a
        WHERE a."quizId" = (SELECT id FROM quiz) AND a."userId" = ${userId} AND a.verdict = 'correct') AS solved,
      (SELECT json_agg(p) FROM "Progress" p
        WHERE p."userId" = ${userId} AND p."cardId" = (SELECT "cardId" FROM quiz)) AS progress,
      (SELECT count(*)::int FROM "Attempt" a
        WHERE a."userId" = ${userId} AND a."createdAt" >= ${timestamp(attemptsSince)}
          AND a.verdict <> 'self_rated') AS recent`;
  const duplicate = row?.duplicate ? attemptFromJson(parsed<JsonRow>(row.duplicate)) : null;
  const quiz = row?.quiz ? quizFromJson(parsed<JsonRow>(row.quiz)) : null;
  const progress = new Map<string, ProgressSnapshot>();
  for (const item of row?.progress ? parsed<JsonRow[]>(row.progress) : []) {
    const snapshot = progressFromJson(item);
    progress.set(snapshot.record.part, snapshot);
  }
  return {
    duplicate,
    quiz,
    solvedInQuiz: new Set(row?.solved ?? []),
    progress,
    recentAttempts: row?.recent ?? 0,
  };
}

/** One statement: the SQL function `gradquiz_record_answer` (migration `answer_fast_path`). */
async function recordAnswer(prisma: Client, answer: AnswerRecord): Promise<RecordAnswerResult> {
  const attempt: AttemptRecord = { id: randomUUID(), ...answer.attempt };
  const progress = { ...answer.progress, updatedAt: new Date(), version: answer.expectedVersion ?? 0 };
  const [row] = await prisma.$queryRaw<{ outcome: string }[]>`
    SELECT gradquiz_record_answer(
      ${JSON.stringify(attempt)}::jsonb, ${JSON.stringify(progress)}::jsonb, ${answer.expectedVersion}::int,
      ${answer.user.displayName}, ${answer.rateLimit.limit}::int, ${timestamp(answer.rateLimit.since)}
    ) AS outcome`;
  switch (row?.outcome) {
    case 'recorded':
      return { kind: 'recorded', attempt };
    case 'duplicate': {
      const known = await prisma.attempt.findUnique({ where: { externalId: attempt.externalId } });
      if (!known) throw new Error(`attempt ${attempt.externalId} reported as duplicate but not found`);
      return { kind: 'duplicate', attempt: toAttempt(known) };
    }
    case 'slow_down':
      return { kind: 'slow_down' };
    case 'stale':
      return { kind: 'stale' };
    default:
      throw new Error(`gradquiz_record_answer returned ${String(row?.outcome)}`);
  }
}

interface RankedRow {
  kind: 'top' | 'me';
  userId: string;
  displayName: string;
  points: number;
  above: number;
}

/** The week or month (in the guild's time zone) that a leaderboard range covers exactly, if it does. */
function periodKey(
  query: LeaderboardQuery,
  timeZone: string,
): { period: 'week' | 'month'; start: string } | null {
  const { start, end } = query;
  if (!start || !end) return null;
  for (const period of ['week', 'month'] as const) {
    const range = periodRange(period, start, timeZone);
    if (range.start?.getTime() === start.getTime() && range.end?.getTime() === end.getTime()) {
      return { period, start: localDate(start, timeZone) };
    }
  }
  return null;
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
 * The top rows and the caller's rank. All time reads the running totals ("ScoreTotal"); a week or a
 * month the period totals ("PeriodScore"): both through an index on (listed, points), the rank as an
 * index-only count of the listed users above. Any other range sums the ledger.
 */
async function leaderboard(
  prisma: Client,
  query: LeaderboardQuery,
  timeZone: string,
): Promise<LeaderboardPage> {
  const channel = query.channelId ?? '';
  const allTime = query.start === undefined && query.end === undefined;
  const key = allTime ? null : periodKey(query, timeZone);
  if (allTime || key) {
    const table = allTime ? Prisma.sql`"ScoreTotal"` : Prisma.sql`"PeriodScore"`;
    const filter = key
      ? Prisma.sql`s."guildId" = ${query.guildId} AND s."channelId" = ${channel}
          AND s.period = ${key.period} AND s.start = ${key.start}::date`
      : Prisma.sql`s."guildId" = ${query.guildId} AND s."channelId" = ${channel}`;
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
  const totals = Prisma.sql`SELECT "userId", SUM(points)::int AS points FROM "PointsEntry"
    WHERE "guildId" = ${query.guildId}
    ${query.channelId === undefined ? Prisma.empty : Prisma.sql`AND "channelId" = ${query.channelId}`}
    ${query.start ? Prisma.sql`AND "createdAt" >= ${timestamp(query.start)}` : Prisma.empty}
    ${query.end ? Prisma.sql`AND "createdAt" < ${timestamp(query.end)}` : Prisma.empty}
    GROUP BY "userId"`;
  return rankRows(
    await prisma.$queryRaw<RankedRow[]>`
      WITH totals AS (${totals}),
      visible AS (
        SELECT t."userId", u."displayName", t.points::int AS points
        FROM totals t JOIN "User" u ON u.id = t."userId"
        WHERE NOT u."leaderboardOptOut" AND t.points > 0
      )
      (SELECT 'top' AS kind, "userId", "displayName", points, 0::int AS above
         FROM visible ORDER BY points DESC, "userId" LIMIT ${query.limit})
      UNION ALL
      (SELECT 'me', v."userId", v."displayName", v.points,
              (SELECT count(*)::int FROM visible w WHERE w.points > v.points)
         FROM visible v WHERE v."userId" = ${query.userId})`,
  );
}

// Guild settings change rarely (an admin command) and every leaderboard and quiz reads them: kept in
// memory for a few seconds (another process's change shows within that delay; this one's at once).
const GUILD_CACHE_MS = 10_000;

/** The application's {@link Store} on the generated Prisma client (PostgreSQL or PGlite alike). */
export function prismaStore(db: Database): Store {
  const { prisma } = db;
  const guilds = new Map<string, { settings: GuildSettings; until: number }>();
  const remember = (settings: GuildSettings) => {
    guilds.set(settings.id, { settings, until: Date.now() + GUILD_CACHE_MS });
    return settings;
  };
  // Two first requests of a new guild at once must not both try to create it (an upsert with nothing
  // to update is a read then an insert, not one statement).
  const ensureGuild = async (guildId: string) => {
    await prisma.$executeRaw`INSERT INTO "Guild" ("id") VALUES (${guildId}) ON CONFLICT ("id") DO NOTHING`;
  };
  const getGuild = async (guildId: string): Promise<GuildSettings> => {
    const cached = guilds.get(guildId);
    if (cached && cached.until > Date.now()) return cached.settings;
    let row = await prisma.guild.findUnique({ where: { id: guildId } });
    if (!row) {
      await ensureGuild(guildId);
      row = await prisma.guild.findUniqueOrThrow({ where: { id: guildId } });
    }
    return remember(toGuild(row));
  };
  return {
    transaction: (work) => db.transaction((tx) => work(transactionStore(tx))),

    ensureUser: async ({ id, displayName }) => {
      await prisma.user.upsert({ where: { id }, create: { id, displayName }, update: { displayName } });
    },
    getGuild,
    updateGuild: async (guildId, patch) => {
      const { allowedChannels, ...rest } = patch;
      const data = { ...rest, ...(allowedChannels ? { allowedChannels: [...allowedChannels] } : {}) };
      const settings = await db.transaction(async (tx) => {
        const before = await tx.guild.findUnique({ where: { id: guildId }, select: { timeZone: true } });
        const row = await tx.guild.upsert({
          where: { id: guildId },
          create: { id: guildId, ...data },
          update: data,
        });
        if (before && before.timeZone !== row.timeZone) {
          // Weeks and months follow the time zone: recount them from the ledger, in the transaction that
          // changes the zone. The rebuild locks out the guild's answers (migration
          // `period_scores_rebuild_lock`) until both commit; the answers held back then read the new zone.
          await tx.$executeRaw`SELECT gradquiz_rebuild_period_scores(${guildId})`;
        }
        return toGuild(row);
      });
      return remember(settings);
    },

    createQuiz: async (quiz) => {
      await ensureGuild(quiz.guildId);
      return toQuiz(await prisma.quiz.create({ data: quiz }));
    },
    setQuizPost: async (quizId, post) => {
      await prisma.quiz.update({ where: { id: quizId }, data: post });
    },
    closeQuiz: async (quizId) => {
      await prisma.quiz.update({ where: { id: quizId }, data: { open: false, closedAt: new Date() } });
    },
    findQuiz: async (quizId) => {
      const row = await prisma.quiz.findUnique({ where: { id: quizId } });
      return row && toQuiz(row);
    },
    findQuizByThread: async (threadId) => {
      const row = await prisma.quiz.findUnique({ where: { threadId } });
      return row && toQuiz(row);
    },
    latestOpenQuiz: async (guildId, channelId) => {
      const row = await prisma.quiz.findFirst({
        where: { guildId, channelId, open: true },
        orderBy: { createdAt: 'desc' },
      });
      return row && toQuiz(row);
    },
    openQuizzes: async ({ guildId, channelId, openedBy, createdSince, limit }) =>
      (
        await prisma.quiz.findMany({
          where: {
            open: true,
            ...(guildId ? { guildId } : {}),
            ...(channelId ? { channelId } : {}),
            ...(openedBy ? { openedBy } : {}),
            ...(createdSince ? { createdAt: { gte: createdSince } } : {}),
          },
          orderBy: { createdAt: 'desc' },
          take: limit,
        })
      ).map(toQuiz),
    closeIdleQuizzes: async ({ idleSince, now, limit }) => {
      const rows = await prisma.$queryRaw<Quiz[]>`
        UPDATE "Quiz" SET open = false, "closedAt" = ${timestamp(now)}
        WHERE id IN (
          SELECT q.id FROM "Quiz" q
          WHERE q.open AND q."createdAt" < ${timestamp(idleSince)}
            AND NOT EXISTS (
              SELECT 1 FROM "Attempt" a WHERE a."quizId" = q.id AND a."createdAt" >= ${timestamp(idleSince)})
          ORDER BY q."createdAt" LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING *`;
      return rows.map(toQuiz);
    },

    findAttempt: async (externalId) => {
      const row = await prisma.attempt.findUnique({ where: { externalId } });
      return row && toAttempt(row);
    },
    answerContext: (query) => answerContext(prisma, query),
    recordAnswer: (answer) => recordAnswer(prisma, answer),
    solvedPartsInQuiz: async (quizId, userId) => {
      const rows = await prisma.attempt.findMany({
        where: { quizId, userId, verdict: 'correct' },
        select: { part: true },
        distinct: ['part'],
      });
      return new Set(rows.map((row) => row.part));
    },
    listProgress: async (userId) =>
      (
        await prisma.progress.findMany({ where: { userId }, orderBy: [{ cardId: 'asc' }, { part: 'asc' }] })
      ).map(toProgress),
    correctAnswerDays: async (userId, timeZone, limit) => {
      const rows = await prisma.$queryRaw<{ day: string }[]>`
        SELECT DISTINCT to_char(("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day
        FROM "Attempt" WHERE "userId" = ${userId} AND verdict = 'correct' AND NOT "isStep"
        ORDER BY day DESC LIMIT ${limit}`;
      return rows.map((row) => row.day);
    },
    countAttempts: (userId) =>
      prisma.attempt.count({ where: { userId, isStep: false, verdict: { in: ['correct', 'incorrect'] } } }),

    leaderboard: async (query) => leaderboard(prisma, query, (await getGuild(query.guildId)).timeZone),

    findUser: (userId) =>
      prisma.user.findUnique({
        where: { id: userId },
        select: { id: true, displayName: true, leaderboardOptOut: true },
      }),
    setLeaderboardOptOut: async (userId, optOut) => {
      await prisma.user.update({ where: { id: userId }, data: { leaderboardOptOut: optOut } });
    },
    deleteUser: (userId) =>
      db.transaction(async (tx) => {
        const attempts = await tx.attempt.count({ where: { userId } });
        // Attempts, progress, points and totals go with the user (ON DELETE CASCADE).
        await tx.user.deleteMany({ where: { id: userId } });
        return { attempts };
      }),

    resetMember: (userId, guildId) =>
      db.transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
        // The same per-guild lock as a ledger entry: a time-zone rebuild does not recount half of it.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext('gradquiz_period_scores'), hashtext(${guildId}))`;
        const where = { userId, guildId };
        await tx.periodScore.deleteMany({ where });
        await tx.scoreTotal.deleteMany({ where });
        await tx.pointsEntry.deleteMany({ where });
        const { count } = await tx.attempt.deleteMany({ where });
        return { attempts: count };
      }),

    listCards: async () => prisma.card.findMany({ orderBy: { id: 'asc' } }),
    saveCard: async (card) => {
      const data = { ...card, tags: [...card.tags] };
      await prisma.card.upsert({ where: { id: card.id }, create: data, update: data });
    },
  };
}
