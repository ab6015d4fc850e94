export type LeaderboardPeriod = 'week' | 'month' | 'all';

/** A half-open interval of instants; `all` has no bounds. */
export interface PeriodRange {
  readonly start?: Date;
  readonly end?: Date;
}

interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function zonedFields(
  instant: Date,
  timeZone: string,
): LocalDate & { hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const f = zonedFields(new Date(instant), timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a local day begins in the zone (the offset is re-read once, for days that change it). */
function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone));
}

function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/**
 * The leaderboard's period around `now`: `week` is the current ISO week (Monday 00:00 to the next
 * Monday) and `month` the calendar month, both in the guild's time zone; `all` is unbounded.
 */
export function periodRange(period: LeaderboardPeriod, now: Date, timeZone: string): PeriodRange {
  if (period === 'all') return {};
  const today = zonedFields(now, timeZone);
  if (period === 'month') {
    const first = { year: today.year, month: today.month, day: 1 };
    const next =
      today.month === 12 ? { year: today.year + 1, month: 1, day: 1 } : { ...first, month: today.month + 1 };
    return { start: startOfLocalDay(first, timeZone), end: startOfLocalDay(next, timeZone) };
  }
  const weekday = (new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7;
  const monday = addDays(today, -weekday);
  return { start: startOfLocalDay(monday, timeZone), end: startOfLocalDay(addDays(monday, 7), timeZone) };
}

/** Whether a string names a time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The local date (`YYYY-MM-DD`) of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  const f = zonedFields(instant, timeZone);
  return `${f.year}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`;
}

/** The instant a local date (`YYYY-MM-DD`) begins in a zone; undefined when it is no date. */
export function startOfDate(date: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  return startOfLocalDay({ year, month, day }, timeZone);
}
