export type * from './ports/index.ts';
export { type AppContext, type QuizLocation, type UserRef } from './context.ts';
export { startQuiz, type StartQuizInput, type StartQuizResult } from './startQuiz.ts';
export { submitAnswer, type SubmitAnswerInput, type SubmitAnswerResult } from './submitAnswer.ts';
export { nextHint, type NextHintInput, type NextHintResult } from './nextHint.ts';
export { revealSolution, type RevealSolutionInput, type RevealSolutionResult } from './revealSolution.ts';
export { progress, type ProgressReport, type TagMastery } from './progress.ts';
export {
  leaderboard,
  LEADERBOARD_SIZE,
  type LeaderboardInput,
  type LeaderboardResult,
  type LeaderboardScope,
} from './leaderboard.ts';
export { nextReview, type NextReviewResult } from './nextReview.ts';
export { setLeaderboardVisibility, deleteMyData, resetMember } from './privacy.ts';
export { syncCards, type SyncCardsResult } from './syncCards.ts';
export { nextStep, type NextStepInput, type NextStepResult } from './nextStep.ts';
export { submitStep, type SubmitStepInput, type SubmitStepResult } from './submitStep.ts';
export { rateCard, type RateCardInput, type RateCardResult } from './rateCard.ts';
export { closeIdleQuizzes } from './closeIdleQuizzes.ts';
export { dailyQuizzesDue, type DueDailyQuiz } from './dailyQuizDue.ts';
export { claimDailyQuiz, completeDailyQuiz, DAILY_CLAIM_LEASE_MS } from './dailyQuizClaim.ts';
export { getGuildSettings, updateGuildSettings, allowChannel } from './guildSettings.ts';
export { recordQuizPost, quizOfThread, openQuizzes, closeQuiz } from './quizzes.ts';
export { viewProgress, type ViewProgressResult } from './viewProgress.ts';
export { parseTimeOfDay } from './timeOfDay.ts';
