import type { AnalyticsStore } from './analytics.ts';
import type { AnswerStore } from './answers.ts';
import type { CardStore } from './cards.ts';
import type { DailyPostStore } from './dailyPosts.ts';
import type { GuildStore } from './guilds.ts';
import type { HistoryStore } from './history.ts';
import type { LeaderboardStore } from './leaderboards.ts';
import type { MemberStore } from './members.ts';
import type { QuizStore } from './quizzes.ts';
import type { Clock, Ids } from './services.ts';

/** The persistent state of gradquiz, one small port per thing the application means. */
export interface Store {
  readonly answers: AnswerStore;
  readonly quizzes: QuizStore;
  readonly guilds: GuildStore;
  readonly leaderboards: LeaderboardStore;
  readonly members: MemberStore;
  readonly history: HistoryStore;
  readonly cards: CardStore;
  readonly dailyPosts: DailyPostStore;
  readonly analytics: AnalyticsStore;
}

/** What every store is built on: the application's clock and ids, never its own. */
export interface StoreDeps {
  readonly clock: Clock;
  readonly ids: Ids;
}
