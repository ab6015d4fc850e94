import type { AppContext } from './context.ts';
import type { DailyClaim } from './ports/index.ts';

/**
 * A claim not completed in this time is taken again: its process died between claiming and posting.
 * Well inside the minutes for which Discord answers a repeated nonce with the first message, so a
 * post that did go out before the crash is returned, not sent twice.
 */
export const DAILY_CLAIM_LEASE_MS = 60_000;

/**
 * Claims a due daily quiz (`dailyQuizzesDue`) for this caller: at most one claim at a time across
 * every process, and none once it was posted.
 */
export function claimDailyQuiz(
  ctx: AppContext,
  input: { readonly guildId: string; readonly date: string },
): Promise<DailyClaim> {
  const now = ctx.clock.now();
  return ctx.store.dailyPosts.claim({
    ...input,
    // One per channel and day (Discord keeps nonces per channel), within Discord's 25 characters.
    nonce: `daily:${input.date}`,
    staleBefore: new Date(now.getTime() - DAILY_CLAIM_LEASE_MS),
  });
}

/** The claimed daily quiz was posted (`quizId`), or could not be (null): it is not claimed again. */
export async function completeDailyQuiz(
  ctx: AppContext,
  input: { readonly guildId: string; readonly date: string; readonly quizId: string | null },
): Promise<void> {
  await ctx.store.dailyPosts.complete(input);
}
