import { localDate } from '../../../core/scoring/index.ts';
import type {
  AnswerContext,
  AnswerContextQuery,
  AttemptRecord,
  CardRecord,
  GuildSettings,
  MemberRecord,
  ProgressSnapshot,
  QuizRecord,
  Store,
  StoreDeps,
} from '../../../app/ports/index.ts';
import { answerStoreOn, type UserWrite, type WriteOutcome } from '../answerStoreOn.ts';
import { memoryAnalytics, type StoredEvent } from './memoryAnalytics.ts';
import { rankedPage, type LedgerEntry } from './rankedPage.ts';

const progressKey = (userId: string, cardId: string, part: string) => `${userId}\u0000${cardId}\u0000${part}`;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The {@link Store} in memory: a test double that the contract tests hold to the same behaviour as the
 * database, so that application tests can run without one. Not a product path: nothing persists.
 * Each write runs without awaiting in between, so it is atomic as the database's are.
 */
export function memoryStore({ clock, ids }: StoreDeps): Store {
  const guilds = new Map<string, GuildSettings>();
  const users = new Map<string, MemberRecord>();
  const quizzes = new Map<string, QuizRecord>();
  const attempts = new Map<string, AttemptRecord>();
  const progress = new Map<string, ProgressSnapshot>();
  let ledger: LedgerEntry[] = [];
  let events: StoredEvent[] = [];
  const cards = new Map<string, CardRecord>();
  const dailyPosts = new Map<string, { nonce: string; claimedAt: Date; posted: boolean }>();

  const guild = (guildId: string): GuildSettings => {
    const known = guilds.get(guildId);
    if (known) return known;
    const created: GuildSettings = {
      id: guildId,
      timeZone: 'UTC',
      hideMode: 'delete',
      allowedChannels: [],
      dailyChannelId: null,
      dailyTime: null,
    };
    guilds.set(guildId, created);
    return created;
  };
  const ensureUser = (user: { id: string; displayName: string }) => {
    const known = users.get(user.id);
    users.set(user.id, { leaderboardOptOut: false, ...known, id: user.id, displayName: user.displayName });
  };
  const attemptsOf = (userId: string) => [...attempts.values()].filter((a) => a.userId === userId);

  const quizAt = ({ location, answering }: AnswerContextQuery): QuizRecord | null => {
    const here = (quiz: QuizRecord) =>
      quiz.guildId === location.guildId && quiz.channelId === location.channelId;
    if (location.quizId !== undefined) {
      const named = quizzes.get(location.quizId);
      return named && here(named) && (named.open || !answering) ? named : null;
    }
    if (location.threadId !== undefined) {
      const threaded = [...quizzes.values()].find((quiz) => quiz.threadId === location.threadId);
      if (threaded) return threaded;
    }
    const open = [...quizzes.values()].filter((quiz) => quiz.open && here(quiz));
    return open.reduce<QuizRecord | null>(
      (latest, quiz) => (latest && latest.createdAt > quiz.createdAt ? latest : quiz),
      null,
    );
  };
  const answersSince = (userId: string, since: Date) =>
    attemptsOf(userId).filter((a) => a.createdAt >= since && a.verdict !== 'self_rated').length;

  const context = async (query: AnswerContextQuery): Promise<AnswerContext> => {
    const quiz = quizAt(query);
    const mine = attemptsOf(query.userId);
    return {
      duplicate: (query.externalId !== undefined && attempts.get(query.externalId)) || null,
      quiz,
      solvedInQuiz: new Set(
        mine.filter((a) => quiz && a.quizId === quiz.id && a.verdict === 'correct').map((a) => a.part),
      ),
      progress: new Map(
        [...progress.values()]
          .filter((p) => quiz && p.record.userId === query.userId && p.record.cardId === quiz.cardId)
          .map((p) => [p.record.part, p]),
      ),
      recentAttempts: query.attemptsSince ? answersSince(query.userId, query.attemptsSince) : 0,
    };
  };

  const write = async ({
    user,
    attempt,
    progress: rows,
    rateLimit,
    events: happened,
  }: UserWrite): Promise<WriteOutcome> => {
    ensureUser(user);
    if (attempt && attempts.has(attempt.externalId)) return 'duplicate';
    if (rateLimit && answersSince(user.id, rateLimit.since) >= rateLimit.limit) return 'slow_down';
    const moved = rows.some(({ progress: row, expectedVersion }) => {
      const current = progress.get(progressKey(row.userId, row.cardId, row.part));
      return (current?.version ?? null) !== expectedVersion;
    });
    if (moved) return 'stale';
    if (attempt) {
      attempts.set(attempt.externalId, attempt);
      if (attempt.points > 0 && attempt.guildId !== null && attempt.channelId !== null) {
        ledger.push({
          guildId: attempt.guildId,
          channelId: attempt.channelId,
          userId: attempt.userId,
          points: attempt.points,
          createdAt: attempt.createdAt,
        });
      }
    }
    for (const { progress: row } of rows) {
      const key = progressKey(row.userId, row.cardId, row.part);
      const current = progress.get(key);
      progress.set(key, { record: row, version: current ? current.version + 1 : 0 });
    }
    events.push(...happened.map((event) => ({ ...event, userId: user.id })));
    return 'recorded';
  };

  return {
    answers: answerStoreOn(
      { context, write, attempt: async (externalId) => attempts.get(externalId) ?? null },
      ids,
    ),

    quizzes: {
      create: async (quiz) => {
        guild(quiz.guildId);
        const created: QuizRecord = { id: ids(), open: true, ...quiz };
        quizzes.set(created.id, created);
        return created;
      },
      setPost: async (quizId, post) => {
        const quiz = quizzes.get(quizId);
        if (!quiz) throw new Error(`no quiz ${quizId}`);
        quizzes.set(quizId, { ...quiz, ...post });
      },
      close: async (quizId) => {
        const quiz = quizzes.get(quizId);
        if (!quiz) throw new Error(`no quiz ${quizId}`);
        quizzes.set(quizId, { ...quiz, open: false });
      },
      ofThread: async (threadId) => [...quizzes.values()].find((quiz) => quiz.threadId === threadId) ?? null,
      open: async ({ guildId, guildIds, channelId, openedBy, createdSince, limit }) =>
        [...quizzes.values()]
          .filter(
            (quiz) =>
              quiz.open &&
              (guildId === undefined || quiz.guildId === guildId) &&
              (guildIds === undefined || guildIds.includes(quiz.guildId)) &&
              (channelId === undefined || quiz.channelId === channelId) &&
              (openedBy === undefined || quiz.openedBy === openedBy) &&
              (createdSince === undefined || quiz.createdAt >= createdSince),
          )
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
          .slice(0, limit),
      closeIdle: async ({ idleSince, limit, guildIds }) => {
        const answered = new Set(
          [...attempts.values()].filter((a) => a.createdAt >= idleSince).map((a) => a.quizId),
        );
        const idle = [...quizzes.values()]
          .filter(
            (quiz) =>
              quiz.open &&
              quiz.createdAt < idleSince &&
              !answered.has(quiz.id) &&
              (guildIds === undefined || guildIds.includes(quiz.guildId)),
          )
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
          .slice(0, limit)
          .map((quiz) => ({ ...quiz, open: false }));
        for (const quiz of idle) quizzes.set(quiz.id, quiz);
        return idle;
      },
    },

    dailyPosts: {
      claim: async ({ guildId, date, nonce, staleBefore }) => {
        const key = `${guildId}\u0000${date}`;
        const held = dailyPosts.get(key);
        if (held && (held.posted || held.claimedAt >= staleBefore)) return { kind: 'taken' };
        dailyPosts.set(key, { nonce: held?.nonce ?? nonce, claimedAt: clock.now(), posted: false });
        return { kind: 'claimed', nonce: held?.nonce ?? nonce };
      },
      complete: async ({ guildId, date }) => {
        const key = `${guildId}\u0000${date}`;
        const held = dailyPosts.get(key);
        if (!held) throw new Error(`no daily claim ${key}`);
        dailyPosts.set(key, { ...held, posted: true });
      },
    },

    guilds: {
      get: async (guildId) => guild(guildId),
      withDailyQuiz: async (guildIds) =>
        [...guilds.values()]
          .filter((settings) => settings.dailyChannelId !== null && settings.dailyTime !== null)
          .filter((settings) => guildIds === undefined || guildIds.includes(settings.id))
          .sort((a, b) => byText(a.id, b.id)),
      update: async (guildId, patch) => {
        const updated = { ...guild(guildId), ...patch };
        guilds.set(guildId, updated);
        return updated;
      },
    },

    // Totals are the ledger's sums: a week or month by its instants, which is what the database's period
    // totals hold (kept in the guild's current time zone, recounted when it changes).
    leaderboards: {
      page: async (query) => {
        const { period } = query;
        const entries = ledger.filter(
          (entry) =>
            entry.guildId === query.guildId &&
            (query.channelId === undefined || entry.channelId === query.channelId) &&
            (period.kind === 'all' || (entry.createdAt >= period.start && entry.createdAt < period.end)),
        );
        return rankedPage(entries, users, query);
      },
    },

    members: {
      ensure: async (user) => ensureUser(user),
      find: async (userId) => users.get(userId) ?? null,
      setLeaderboardOptOut: async (userId, optOut) => {
        const user = users.get(userId);
        if (!user) throw new Error(`no user ${userId}`);
        users.set(userId, { ...user, leaderboardOptOut: optOut });
      },
      delete: async (userId) => {
        const gone = attemptsOf(userId);
        for (const attempt of gone) attempts.delete(attempt.externalId);
        for (const [key, snapshot] of progress) if (snapshot.record.userId === userId) progress.delete(key);
        ledger = ledger.filter((entry) => entry.userId !== userId);
        events = events.filter((event) => event.userId !== userId);
        for (const quiz of quizzes.values()) {
          if (quiz.openedBy === userId) quizzes.set(quiz.id, { ...quiz, openedBy: null });
        }
        users.delete(userId);
        return { attempts: gone.length };
      },
      reset: async (userId, guildId) => {
        const gone = attemptsOf(userId).filter((a) => a.guildId === guildId);
        for (const attempt of gone) attempts.delete(attempt.externalId);
        ledger = ledger.filter((entry) => entry.userId !== userId || entry.guildId !== guildId);
        events = events.filter((event) => event.userId !== userId || event.guildId !== guildId);
        return { attempts: gone.length };
      },
    },

    history: {
      progress: async (userId) =>
        [...progress.values()]
          .map((snapshot) => snapshot.record)
          .filter((record) => record.userId === userId)
          .sort((a, b) => byText(a.cardId, b.cardId) || byText(a.part, b.part)),
      correctAnswerDays: async (userId, timeZone, limit) =>
        [
          ...new Set(
            attemptsOf(userId)
              .filter((a) => a.verdict === 'correct' && !a.isStep)
              .map((a) => localDate(a.createdAt, timeZone)),
          ),
        ]
          .sort()
          .reverse()
          .slice(0, limit),
      countAnswers: async (userId) =>
        attemptsOf(userId).filter((a) => !a.isStep && (a.verdict === 'correct' || a.verdict === 'incorrect'))
          .length,
    },

    analytics: memoryAnalytics({
      attempts: () => attempts.values(),
      events: () => events,
      users: () => users,
      guilds: () => guilds.keys(),
      sign: (attemptId, signature) => {
        const attempt = [...attempts.values()].find((a) => a.id === attemptId);
        if (!attempt || attempt.signature !== null) return false;
        attempts.set(attempt.externalId, { ...attempt, signature });
        return true;
      },
    }),

    cards: {
      list: async () => [...cards.values()].sort((a, b) => byText(a.id, b.id)),
      save: async (card) => {
        cards.set(card.id, card);
      },
    },
  };
}
