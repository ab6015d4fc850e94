import type { AppContext } from './context.ts';
import { progress, type ProgressReport } from './progress.ts';

export type ViewProgressResult =
  | { readonly kind: 'report'; readonly report: ProgressReport }
  /** Someone else's progress, and they left the leaderboards: it is theirs alone. */
  | { readonly kind: 'private' };

/** A member's progress as `viewerId` may see it: their own always, someone else's unless they opted out. */
export async function viewProgress(
  ctx: AppContext,
  input: { readonly viewerId: string; readonly userId: string; readonly guildId: string },
): Promise<ViewProgressResult> {
  if (input.viewerId !== input.userId && (await ctx.store.members.find(input.userId))?.leaderboardOptOut) {
    return { kind: 'private' };
  }
  return { kind: 'report', report: await progress(ctx, input) };
}
