import type { AppContext } from './context.ts';
import type { GuildPatch, GuildSettings } from './ports/index.ts';

/** A server's settings (the defaults for a server never configured). */
export function getGuildSettings(ctx: AppContext, guildId: string): Promise<GuildSettings> {
  return ctx.store.guilds.get(guildId);
}

/** Changes a server's settings; a new time zone recounts its week and month leaderboards. */
export function updateGuildSettings(
  ctx: AppContext,
  guildId: string,
  patch: GuildPatch,
): Promise<GuildSettings> {
  return ctx.store.guilds.update(guildId, patch);
}

/** Adds a channel to the server's allowed quiz channels, or removes it (none left: every channel). */
export async function allowChannel(
  ctx: AppContext,
  input: { readonly guildId: string; readonly channelId: string; readonly allowed: boolean },
): Promise<GuildSettings> {
  const { allowedChannels } = await ctx.store.guilds.get(input.guildId);
  const next = input.allowed
    ? [...new Set([...allowedChannels, input.channelId])]
    : allowedChannels.filter((id) => id !== input.channelId);
  return ctx.store.guilds.update(input.guildId, { allowedChannels: next });
}
