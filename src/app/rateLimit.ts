import type { AppContext } from './context.ts';
import type { RateLimit } from './ports/index.ts';

const MINUTE_MS = 60_000;

/** The answer limit as it stands at `now`: the configured answers per minute, over the last minute. */
export function rateLimitAt(ctx: AppContext, now: Date): RateLimit {
  return { limit: ctx.answersPerMinute, since: new Date(now.getTime() - MINUTE_MS) };
}
