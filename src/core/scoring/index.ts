export { pointsFor } from './points.ts';
export { parseRating, RATING_NAMES, reviewRating, type ReviewRating } from './reviewRating.ts';
export { scheduleReview, type ReviewState } from './schedule.ts';
export { progressStatus } from './progressStatus.ts';
export {
  periodRange,
  isTimeZone,
  localDate,
  startOfDate,
  type LeaderboardPeriod,
  type PeriodRange,
} from './leaderboardPeriod.ts';
export { currentStreak } from './streak.ts';
