import type { Client } from 'discord.js';
import { shardOf } from '../../core/sharding/shardOf.ts';

/**
 * The guilds whose per-guild work (catch-up, thread rejoin, idle quizzes, daily quiz) is this
 * process's: those on its shards, or `undefined` when it runs every shard — then quizzes of guilds
 * the bot has left are still closed. Read after login, when discord.js has resolved the shards.
 */
export function ownedGuildIds(client: Client): readonly string[] | undefined {
  const { shardCount, shards } = client.options;
  const ids = Array.isArray(shards) ? shards : [];
  if (shardCount === undefined || shardCount <= 1 || ids.length >= shardCount) return undefined;
  return [...client.guilds.cache.keys()].filter((guildId) => ids.includes(shardOf(guildId, shardCount)));
}
