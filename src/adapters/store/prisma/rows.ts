import type { AttemptRecord, GuildSettings, ProgressRecord, QuizRecord } from '../../../app/ports/index.ts';
import type { Attempt, Guild, Progress, Quiz } from '../../../generated/prisma/client.ts';
import { Prisma } from '../../../generated/prisma/client.ts';

export const toGuild = (row: Guild): GuildSettings => ({
  id: row.id,
  timeZone: row.timeZone,
  hideMode: row.hideMode === 'spoiler' ? 'spoiler' : 'delete',
  allowedChannels: row.allowedChannels,
  dailyChannelId: row.dailyChannelId,
  dailyTime: row.dailyTime,
});

export const toQuiz = (row: Quiz): QuizRecord => ({
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

export const toAttempt = (row: Attempt): AttemptRecord => ({
  ...row,
  verdict: row.verdict as AttemptRecord['verdict'],
});

export const toProgress = (row: Progress): ProgressRecord => ({
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
export const timestamp = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;
