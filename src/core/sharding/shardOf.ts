/**
 * The gateway shard that receives a guild's events, Discord's rule: the guild id's timestamp bits
 * (a snowflake shifted right by 22) modulo the shard count.
 */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
