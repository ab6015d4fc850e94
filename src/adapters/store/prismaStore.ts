import type {
  AttemptRecord,
  GuildSettings,
  LeaderboardPage,
  LeaderboardQuery,
  LeaderboardRow,
  ProgressRecord,
  QuizRecord,
  Store,
  StoreTransaction,
} from '../../app/ports.ts';
import type { Attempt, Guild, Progress, Quiz } from '../../generated/prisma/client.ts';
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
    countAttemptsSince: (userId, since) => tx.attempt.count({ where: { userId, createdAt: { gte: since } } }),
    getProgress: async (userId, cardId, part) => {
      const row = await tx.progress.findUnique({ where: { userId_cardId_part: { userId, cardId, part } } });
      return row && toProgress(row);
    },
    saveProgress: async (progress) => {
      const { userId, cardId, part, ...fields } = progress;
      await tx.progress.upsert({
        where: { userId_cardId_part: { userId, cardId, part } },
        create: progress,
        update: fields,
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

interface RankedRow {
  kind: 'top' | 'me';
  userId: string;
  displayName: string;
  points: number;
  above: number;
}

async function leaderboard(prisma: Client, query: LeaderboardQuery): Promise<LeaderboardPage> {
  const channel = query.channelId ?? '';
  // All time reads the running totals; a week or a month sums the ledger over the period.
  const totals =
    query.start === undefined && query.end === undefined
      ? Prisma.sql`SELECT "userId", points FROM "ScoreTotal" WHERE "guildId" = ${query.guildId} AND "channelId" = ${channel}`
      : Prisma.sql`SELECT "userId", SUM(points)::int AS points FROM "PointsEntry"
          WHERE "guildId" = ${query.guildId}
          ${query.channelId === undefined ? Prisma.empty : Prisma.sql`AND "channelId" = ${query.channelId}`}
          ${query.start ? Prisma.sql`AND "createdAt" >= ${timestamp(query.start)}` : Prisma.empty}
          ${query.end ? Prisma.sql`AND "createdAt" < ${timestamp(query.end)}` : Prisma.empty}
          GROUP BY "userId"`;
  const rows = await prisma.$queryRaw<RankedRow[]>`
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
       FROM visible v WHERE v."userId" = ${query.userId})`;
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

/** The application's {@link Store} on the generated Prisma client (PostgreSQL or PGlite alike). */
export function prismaStore(db: Database): Store {
  const { prisma } = db;
  return {
    transaction: (work) => db.transaction((tx) => work(transactionStore(tx))),

    ensureUser: async ({ id, displayName }) => {
      await prisma.user.upsert({ where: { id }, create: { id, displayName }, update: { displayName } });
    },
    getGuild: async (guildId) =>
      toGuild(await prisma.guild.upsert({ where: { id: guildId }, create: { id: guildId }, update: {} })),
    updateGuild: async (guildId, patch) => {
      const { allowedChannels, ...rest } = patch;
      const data = { ...rest, ...(allowedChannels ? { allowedChannels: [...allowedChannels] } : {}) };
      return toGuild(
        await prisma.guild.upsert({ where: { id: guildId }, create: { id: guildId, ...data }, update: data }),
      );
    },

    createQuiz: async (quiz) => {
      await prisma.guild.upsert({ where: { id: quiz.guildId }, create: { id: quiz.guildId }, update: {} });
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
    openQuizzes: async (guildId) =>
      (
        await prisma.quiz.findMany({
          where: { open: true, ...(guildId ? { guildId } : {}) },
          orderBy: { createdAt: 'asc' },
        })
      ).map(toQuiz),

    findAttempt: async (externalId) => {
      const row = await prisma.attempt.findUnique({ where: { externalId } });
      return row && toAttempt(row);
    },
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
        FROM "Attempt" WHERE "userId" = ${userId} AND verdict = 'correct'
        ORDER BY day DESC LIMIT ${limit}`;
      return rows.map((row) => row.day);
    },
    countAttempts: (userId) =>
      prisma.attempt.count({ where: { userId, verdict: { in: ['correct', 'incorrect'] } } }),

    leaderboard: (query) => leaderboard(prisma, query),

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

    listCards: async () => prisma.card.findMany({ orderBy: { id: 'asc' } }),
    saveCard: async (card) => {
      const data = { ...card, tags: [...card.tags] };
      await prisma.card.upsert({ where: { id: card.id }, create: data, update: data });
    },
  };
}
