import type { Client } from 'discord.js';
import { shardOf } from '../../core/sharding/shardOf.ts';

/**
 * The scope of this process's per-guild work (catch-up, thread rejoin, idle quizzes), to spread into
 * a query: the guilds on its shards, or no scope when it runs every shard — then quizzes of guilds the
 * bot has left are still closed. Read after login, when discord.js has resolved the shards.
 */
export function ownedGuilds(client: Client): { readonly guildIds?: readonly string[] } {
  const { shardCount, shards } = client.options;
  const ids = Array.isArray(shards) ? shards : [];
  if (shardCount === undefined || shardCount <= 1 || ids.length >= shardCount) return {};
  return {
    guildIds: [...client.guilds.cache.keys()].filter((guildId) => ids.includes(shardOf(guildId, shardCount))),
  };
}
