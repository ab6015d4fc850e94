import type { AppContext, UserRef } from './context.ts';

/** Leaves (`false`) or rejoins (`true`) the leaderboards; points keep counting either way. */
export async function setLeaderboardVisibility(
  ctx: AppContext,
  user: UserRef,
  visible: boolean,
): Promise<void> {
  await ctx.store.members.ensure(user);
  await ctx.store.members.setLeaderboardOptOut(user.id, !visible);
}

/**
 * An admin's reset of a member in their server: that server's attempts and points go, the member's
 * data elsewhere and their progress (kept per user, across servers) stay.
 */
export async function resetMember(
  ctx: AppContext,
  input: { guildId: string; userId: string },
): Promise<{ attempts: number }> {
  return ctx.store.members.reset(input.userId, input.guildId);
}

/** Deletes everything kept about the user: attempts, progress, points. Returns how many attempts went. */
export async function deleteMyData(ctx: AppContext, userId: string): Promise<{ attempts: number }> {
  return ctx.store.members.delete(userId);
}
