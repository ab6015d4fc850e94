import { PermissionFlagsBits } from 'discord.js';

const P = PermissionFlagsBits;

/** Discord's default `@everyone` permissions in a new server (no Manage Messages, no Manage Server). */
export const DEFAULT_EVERYONE_PERMISSIONS: bigint =
  P.CreateInstantInvite |
  P.AddReactions |
  P.Stream |
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.MentionEveryone |
  P.UseExternalEmojis |
  P.Connect |
  P.Speak |
  P.UseVAD |
  P.ChangeNickname |
  P.UseApplicationCommands |
  P.CreatePublicThreads |
  P.CreatePrivateThreads |
  P.SendMessagesInThreads |
  P.UseExternalStickers;

/** What the bot's own role grants by default: everything a quiz bot needs, Manage Messages included. */
export const DEFAULT_BOT_PERMISSIONS: bigint =
  P.ViewChannel |
  P.SendMessages |
  P.SendMessagesInThreads |
  P.CreatePublicThreads |
  P.EmbedLinks |
  P.AttachFiles |
  P.AddReactions |
  P.ReadMessageHistory |
  P.ManageMessages |
  P.UseApplicationCommands;

const ALL_PERMISSIONS = Object.values(P).reduce((all, bit) => all | bit, 0n);

/** Administrator implies every permission, as in Discord's own computation. */
export function effective(permissions: bigint): bigint {
  return permissions & P.Administrator ? ALL_PERMISSIONS : permissions;
}

export function has(permissions: bigint, bit: bigint): boolean {
  return (effective(permissions) & bit) === bit;
}

/** The name of a single permission bit, for error messages. */
export function permissionName(bit: bigint): string {
  return Object.entries(P).find(([, value]) => value === bit)?.[0] ?? bit.toString();
}

export { PermissionFlagsBits };
