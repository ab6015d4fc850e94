import { describe, expect, it } from 'vitest';

import {
  currentStreak,
  periodRange,
  pointsFor,
  progressStatus,
  reviewRating,
  scheduleReview,
} from '../../../src/core/scoring/index.ts';
import { emptyProgress } from '../../../src/app/partProgress.ts';

const base = {
  verdict: 'correct' as const,
  difficulty: 3,
  wrongBefore: 0,
  hintsUsed: 0,
  alreadySolved: false,
  gaveUp: false,
};

describe('pointsFor', () => {
  it('GIVEN a clean first solve THEN 10 × difficulty', () => expect(pointsFor(base)).toBe(30));
  it('GIVEN wrong answers and hints THEN 20 % and 10 % less each, down to a 30 % floor', () => {
    expect(pointsFor({ ...base, wrongBefore: 1 })).toBe(24);
    expect(pointsFor({ ...base, wrongBefore: 2, hintsUsed: 1 })).toBe(15);
    expect(pointsFor({ ...base, wrongBefore: 9 })).toBe(9);
  });
  it('GIVEN anything but a first correct solve before giving up THEN 0', () => {
    for (const verdict of ['incorrect', 'invalid', 'not_simplified'] as const)
      expect(pointsFor({ ...base, verdict })).toBe(0);
    expect(pointsFor({ ...base, alreadySolved: true })).toBe(0);
    expect(pointsFor({ ...base, gaveUp: true })).toBe(0);
  });
});

describe('reviewRating and scheduleReview', () => {
  it('GIVEN how a review went THEN easy, good, hard or again', () => {
    expect(reviewRating({ solved: true, wrong: 0, hints: 0 })).toBe(4);
    expect(reviewRating({ solved: true, wrong: 1, hints: 0 })).toBe(3);
    expect(reviewRating({ solved: true, wrong: 1, hints: 2 })).toBe(2);
    expect(reviewRating({ solved: true, wrong: 4, hints: 0 })).toBe(1);
    expect(reviewRating({ solved: false, wrong: 0, hints: 0 })).toBe(1);
  });
  it('GIVEN a first easy review THEN it is due days later, and an "again" sooner than a "good"', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const easy = scheduleReview(emptyProgress('u', 'c', '1'), 4, now);
    expect(easy.reps).toBe(1);
    expect(easy.due!.getTime()).toBeGreaterThan(now.getTime() + 86_400_000);
    const again = scheduleReview(emptyProgress('u', 'c', '1'), 1, now);
    const good = scheduleReview(emptyProgress('u', 'c', '1'), 3, now);
    expect(again.due!.getTime()).toBeLessThan(good.due!.getTime());
  });
});

describe('periodRange', () => {
  it('GIVEN a Sunday night in Tokyo that is still Sunday in UTC THEN the ISO week is Tokyo’s', () => {
    // 2026-03-01T16:00Z is Monday 2 March 01:00 in Tokyo (UTC+9).
    const now = new Date('2026-03-01T16:00:00Z');
    expect(periodRange('week', now, 'Asia/Tokyo')).toEqual({
      start: new Date('2026-03-01T15:00:00Z'),
      end: new Date('2026-03-08T15:00:00Z'),
    });
    expect(periodRange('week', now, 'UTC').start).toEqual(new Date('2026-02-23T00:00:00Z'));
    expect(periodRange('month', now, 'UTC')).toEqual({
      start: new Date('2026-03-01T00:00:00Z'),
      end: new Date('2026-04-01T00:00:00Z'),
    });
    expect(periodRange('all', now, 'UTC')).toEqual({});
  });
  it('GIVEN a month with a daylight-saving change THEN its bounds keep local midnight', () => {
    const range = periodRange('month', new Date('2026-03-20T12:00:00Z'), 'Europe/Berlin');
    expect(range).toEqual({ start: new Date('2026-02-28T23:00:00Z'), end: new Date('2026-03-31T22:00:00Z') });
  });
  it('GIVEN December THEN the month ends at New Year', () => {
    expect(periodRange('month', new Date('2026-12-31T23:30:00Z'), 'UTC').end).toEqual(
      new Date('2027-01-01T00:00:00Z'),
    );
  });
});

describe('currentStreak', () => {
  it('GIVEN consecutive days up to yesterday THEN their count; a gap ends it', () => {
    expect(currentStreak(['2026-03-03', '2026-03-02', '2026-02-28'], '2026-03-04')).toBe(2);
    expect(currentStreak(['2026-03-04', '2026-03-03'], '2026-03-04')).toBe(2);
    expect(currentStreak(['2026-03-01'], '2026-03-04')).toBe(0);
  });
});

describe('progressStatus', () => {
  it('GIVEN no answer THEN to_learn; a first solve THEN learning; a stable good review THEN mastered', () => {
    expect(progressStatus({ attempts: 0, solved: false, stability: 0 })).toBe('to_learn');
    expect(progressStatus({ attempts: 1, solved: true, stability: 8.3, lastRating: 4 })).toBe('learning');
    expect(progressStatus({ attempts: 3, solved: true, stability: 30, lastRating: 3 })).toBe('mastered');
    expect(progressStatus({ attempts: 4, solved: true, stability: 30, lastRating: 1 })).toBe('learning');
  });
});
