import type {
  AnswerContext,
  AnswerContextQuery,
  AnswerStore,
  AttemptRecord,
  Clock,
  ProgressSnapshot,
  StoreDeps,
} from '../../../app/ports/index.ts';
import type { Attempt, Progress, Quiz } from '../../../generated/prisma/client.ts';
import { Prisma } from '../../../generated/prisma/client.ts';
import { answerStoreOn, type UserWrite, type WriteOutcome } from '../answerStoreOn.ts';
import type { Database } from '../openDatabase.ts';
import { timestamp, toAttempt, toProgress, toQuiz } from './rows.ts';

type Client = Database['prisma'];

// `row_to_json` writes a `timestamp(3)` as its UTC wall time without a zone.
type JsonRow = Record<string, unknown>;
const jsonDate = (value: unknown): Date => new Date(`${String(value)}Z`);
const jsonDateOrNull = (value: unknown): Date | null => (value === null ? null : jsonDate(value));
const parsed = <T>(value: unknown): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : (value as T);

const attemptFromJson = (row: JsonRow): AttemptRecord =>
  toAttempt({ ...(row as unknown as Attempt), createdAt: jsonDate(row['createdAt']) });

const progressFromJson = (row: JsonRow): ProgressSnapshot => ({
  record: toProgress({
    ...(row as unknown as Progress),
    solvedAt: jsonDateOrNull(row['solvedAt']),
    due: jsonDateOrNull(row['due']),
    lastReview: jsonDateOrNull(row['lastReview']),
  }),
  version: row['version'] as number,
});

const answersSince = (userId: string, since: Date) => Prisma.sql`(SELECT count(*)::int FROM "Attempt" a
  WHERE a."userId" = ${userId} AND a."createdAt" >= ${timestamp(since)} AND a.verdict <> 'self_rated')`;

interface AnswerContextRow {
  duplicate: unknown;
  quiz: unknown;
  solved: string[] | null;
  progress: unknown;
  recent: number;
}

/**
 * The reads of one statement: the attempt already recorded under the externalId, the quiz (the one
 * named, if it was posted where the command comes from — and, for an answer, is still open; else the
 * thread's; else the channel's latest open one), the parts this user solved in it, their progress on its
 * card, and how many answers they made since `attemptsSince`.
 */
async function context(
  prisma: Client,
  { userId, location, answering, externalId, attemptsSince }: AnswerContextQuery,
): Promise<AnswerContext> {
  const quizId = location.quizId ?? null;
  const threadId = location.quizId ? null : (location.threadId ?? null);
  const [row] = await prisma.$queryRaw<AnswerContextRow[]>`
    WITH named AS (
      SELECT * FROM "Quiz" WHERE id = ${quizId}
        AND "guildId" = ${location.guildId} AND "channelId" = ${location.channelId}
        AND (open OR NOT ${answering})),
    threaded AS (SELECT * FROM "Quiz" WHERE "threadId" = ${threadId}),
    latest AS (
      SELECT * FROM "Quiz"
      WHERE ${quizId}::text IS NULL AND NOT EXISTS (SELECT 1 FROM threaded)
        AND "guildId" = ${location.guildId} AND "channelId" = ${location.channelId} AND open
      ORDER BY "createdAt" DESC LIMIT 1),
    quiz AS (SELECT * FROM named UNION ALL SELECT * FROM threaded UNION ALL SELECT * FROM latest LIMIT 1)
    SELECT
      (SELECT row_to_json(a) FROM "Attempt" a WHERE a."externalId" = ${externalId ?? null}) AS duplicate,
      (SELECT row_to_json(q) FROM quiz q) AS quiz,
      (SELECT array_agg(DISTINCT a.part) FROM "Attempt" a
        WHERE a."quizId" = (SELECT id FROM quiz) AND a."userId" = ${userId} AND a.verdict = 'correct') AS solved,
      (SELECT json_agg(p) FROM "Progress" p
        WHERE p."userId" = ${userId} AND p."cardId" = (SELECT "cardId" FROM quiz)) AS progress,
      ${attemptsSince ? answersSince(userId, attemptsSince) : Prisma.sql`0`} AS recent`;
  const progress = new Map<string, ProgressSnapshot>();
  for (const item of row?.progress ? parsed<JsonRow[]>(row.progress) : []) {
    const snapshot = progressFromJson(item);
    progress.set(snapshot.record.part, snapshot);
  }
  const quiz = row?.quiz ? parsed<JsonRow>(row.quiz) : null;
  return {
    duplicate: row?.duplicate ? attemptFromJson(parsed<JsonRow>(row.duplicate)) : null,
    quiz: quiz && toQuiz({ ...(quiz as unknown as Quiz), createdAt: jsonDate(quiz['createdAt']) }),
    solvedInQuiz: new Set(row?.solved ?? []),
    progress,
    recentAttempts: row?.recent ?? 0,
  };
}

/** One statement: the SQL function `gradquiz_record` (migration `one_write_path`). */
async function write(
  prisma: Client,
  clock: Clock,
  { user, attempt, progress, rateLimit, events }: UserWrite,
) {
  const updatedAt = clock.now();
  const rows = progress.map((item) => ({
    row: { ...item.progress, updatedAt },
    expected: item.expectedVersion,
  }));
  const [row] = await prisma.$queryRaw<{ outcome: WriteOutcome }[]>`
    SELECT gradquiz_record(
      ${user.id}, ${user.displayName}, ${attempt && JSON.stringify(attempt)}::jsonb, ${JSON.stringify(rows)}::jsonb,
      ${JSON.stringify(events)}::jsonb, ${rateLimit?.limit ?? null}::int, ${rateLimit ? timestamp(rateLimit.since) : Prisma.sql`NULL::timestamp(3)`}
    ) AS outcome`;
  if (!row) throw new Error('gradquiz_record returned no row');
  return row.outcome;
}

export function prismaAnswers(prisma: Client, { clock, ids }: StoreDeps): AnswerStore {
  return answerStoreOn(
    {
      context: (query) => context(prisma, query),
      write: (userWrite) => write(prisma, clock, userWrite),
      attempt: async (externalId) => {
        const row = await prisma.attempt.findUnique({ where: { externalId } });
        return row && toAttempt(row);
      },
    },
    ids,
  );
}
