import type { ClientOptions } from 'discord.js';

/**
 * The client's sharding from the settings: no count keeps discord.js's default (one shard); `auto`
 * lets Discord's `/gateway/bot` pick the count, every shard in this process; a number runs the given
 * ids of that many shards (all of them when none are given).
 */
export function shardOptions(
  count: number | 'auto' | undefined,
  ids: readonly number[] | undefined,
): Partial<ClientOptions> {
  if (count === undefined) return {};
  if (count === 'auto') return { shards: 'auto' };
  return { shardCount: count, shards: ids ? [...ids] : Array.from({ length: count }, (_, id) => id) };
}
