import type { AppContext, UserRef } from './context.ts';

/** Leaves (`false`) or rejoins (`true`) the leaderboards; points keep counting either way. */
export async function setLeaderboardVisibility(
  ctx: AppContext,
  user: UserRef,
  visible: boolean,
): Promise<void> {
  await ctx.store.ensureUser(user);
  await ctx.store.setLeaderboardOptOut(user.id, !visible);
}

/** Deletes everything kept about the user: attempts, progress, points. Returns how many attempts went. */
export async function deleteMyData(ctx: AppContext, userId: string): Promise<{ attempts: number }> {
  return ctx.store.deleteUser(userId);
}
