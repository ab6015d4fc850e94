import type { GuildTextBasedChannel } from 'discord.js';

/** Whether the bot holds `permission` in a channel or thread (as far as its cache knows). */
export function botCan(channel: GuildTextBasedChannel, permission: bigint): boolean {
  const me = channel.guild.members.me;
  return me ? channel.permissionsFor(me).has(permission) : false;
}
