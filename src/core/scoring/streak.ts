/**
 * The number of consecutive days, ending today or yesterday, with at least one correct answer.
 * `days` are local dates (`YYYY-MM-DD`) in any order; `today` is one too.
 */
export function currentStreak(days: readonly string[], today: string): number {
  const active = new Set(days);
  const step = (day: string) => {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - 1);
    return date.toISOString().slice(0, 10);
  };
  let day = active.has(today) ? today : step(today);
  let streak = 0;
  while (active.has(day)) {
    streak++;
    day = step(day);
  }
  return streak;
}
