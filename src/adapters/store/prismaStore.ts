import type { Store, StoreDeps } from '../../app/ports/index.ts';
import type { Quiz } from '../../generated/prisma/client.ts';
import type { Database } from './openDatabase.ts';
import { prismaAnalytics } from './prisma/analytics.ts';
import { prismaAnswers } from './prisma/answers.ts';
import { prismaDailyPosts } from './prisma/dailyPosts.ts';
import { ensureGuild, prismaGuilds } from './prisma/guilds.ts';
import { prismaLeaderboards } from './prisma/leaderboards.ts';
import { timestamp, toProgress, toQuiz } from './prisma/rows.ts';

/**
 * The application's {@link Store} on the generated Prisma client (PostgreSQL or PGlite alike). Every
 * timestamp and id it writes comes from `deps`: the store keeps no clock of its own.
 */
export function prismaStore(db: Database, deps: StoreDeps): Store {
  const { prisma } = db;
  const { clock, ids } = deps;
  return {
    answers: prismaAnswers(prisma, deps),
    guilds: prismaGuilds(db, clock),
    leaderboards: prismaLeaderboards(prisma),
    dailyPosts: prismaDailyPosts(db, clock),
    analytics: prismaAnalytics(db),

    quizzes: {
      create: async (quiz) => {
        await ensureGuild(db, quiz.guildId);
        return toQuiz(await prisma.quiz.create({ data: { id: ids(), ...quiz } }));
      },
      setPost: async (quizId, post) => {
        await prisma.quiz.update({ where: { id: quizId }, data: post });
      },
      close: async (quizId) => {
        await prisma.quiz.update({ where: { id: quizId }, data: { open: false, closedAt: clock.now() } });
      },
      ofThread: async (threadId) => {
        const row = await prisma.quiz.findUnique({ where: { threadId } });
        return row && toQuiz(row);
      },
      open: async ({ guildId, guildIds, channelId, openedBy, createdSince, limit }) =>
        (
          await prisma.quiz.findMany({
            where: {
              open: true,
              AND: [
                ...(guildId ? [{ guildId }] : []),
                ...(guildIds ? [{ guildId: { in: [...guildIds] } }] : []),
              ],
              ...(channelId ? { channelId } : {}),
              ...(openedBy ? { openedBy } : {}),
              ...(createdSince ? { createdAt: { gte: createdSince } } : {}),
            },
            orderBy: { createdAt: 'desc' },
            take: limit,
          })
        ).map(toQuiz),
      closeIdle: async ({ idleSince, limit, guildIds }) => {
        const rows = await prisma.$queryRaw<Quiz[]>`
          UPDATE "Quiz" SET open = false, "closedAt" = ${timestamp(clock.now())}
          WHERE id IN (
            SELECT q.id FROM "Quiz" q
            WHERE q.open AND q."createdAt" < ${timestamp(idleSince)}
              AND (${guildIds === undefined} OR q."guildId" = ANY(${guildIds ?? []}::text[]))
              AND NOT EXISTS (
                SELECT 1 FROM "Attempt" a WHERE a."quizId" = q.id AND a."createdAt" >= ${timestamp(idleSince)})
            ORDER BY q."createdAt" LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)
          RETURNING *`;
        return rows.map(toQuiz);
      },
    },

    members: {
      ensure: async ({ id, displayName }) => {
        await prisma.user.upsert({ where: { id }, create: { id, displayName }, update: { displayName } });
      },
      find: (userId) =>
        prisma.user.findUnique({
          where: { id: userId },
          select: { id: true, displayName: true, leaderboardOptOut: true },
        }),
      setLeaderboardOptOut: async (userId, optOut) => {
        await prisma.user.update({ where: { id: userId }, data: { leaderboardOptOut: optOut } });
      },
      delete: (userId) =>
        db.transaction(async (tx) => {
          const attempts = await tx.attempt.count({ where: { userId } });
          // Attempts, progress, points and totals go with the user (ON DELETE CASCADE).
          await tx.user.deleteMany({ where: { id: userId } });
          return { attempts };
        }),
      reset: (userId, guildId) =>
        db.transaction(async (tx) => {
          await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
          // The same per-guild lock as a ledger entry: a time-zone rebuild does not recount half of it.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext('gradquiz_period_scores'), hashtext(${guildId}))`;
          const where = { userId, guildId };
          await tx.periodScore.deleteMany({ where });
          await tx.scoreTotal.deleteMany({ where });
          await tx.pointsEntry.deleteMany({ where });
          await tx.studyEvent.deleteMany({ where });
          const { count } = await tx.attempt.deleteMany({ where });
          return { attempts: count };
        }),
    },

    history: {
      progress: async (userId) =>
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
      countAnswers: (userId) =>
        prisma.attempt.count({ where: { userId, isStep: false, verdict: { in: ['correct', 'incorrect'] } } }),
    },

    cards: {
      list: async () => prisma.card.findMany({ orderBy: { id: 'asc' } }),
      save: async (card) => {
        const data = { ...card, tags: [...card.tags] };
        await prisma.card.upsert({ where: { id: card.id }, create: data, update: data });
      },
    },
  };
}
