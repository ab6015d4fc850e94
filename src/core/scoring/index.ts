export {
  pointsFor,
  POINTS_FLOOR,
  POINTS_PER_DIFFICULTY,
  WRONG_ANSWER_PENALTY,
  HINT_PENALTY,
  type PointsInput,
} from './points.ts';
export {
  parseRating,
  RATING_NAMES,
  reviewRating,
  type ReviewOutcome,
  type ReviewRating,
} from './reviewRating.ts';
export { scheduleReview, type ReviewState } from './schedule.ts';
export { progressStatus, MASTERED_STABILITY_DAYS, type ProgressStatus } from './progressStatus.ts';
export {
  periodRange,
  isTimeZone,
  localDate,
  startOfDate,
  type LeaderboardPeriod,
  type PeriodRange,
} from './leaderboardPeriod.ts';
export { currentStreak } from './streak.ts';
