/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes carry milliseconds since it in their top 42 bits. */
const DISCORD_EPOCH = 1_420_070_400_000n;

let last = 0n;

/**
 * A new snowflake: a numeric string, strictly increasing across every fake in the process, whose
 * timestamp is now — discord.js parses ids with BigInt and derives `createdAt` from them.
 */
export function nextSnowflake(): string {
  let id = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
  // Several ids in one millisecond take the next increment.
  if (id <= last) id = last + 1n;
  last = id;
  return id.toString();
}

/** The creation time encoded in a snowflake. */
export function snowflakeDate(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH));
}

/** Whether a string looks like a snowflake, as Discord checks path and body ids. */
export function isSnowflake(value: string): boolean {
  return /^\d{1,20}$/.test(value);
}

/**
 * A new snowflake whose guild shard (`(id >> 22) % count`) is `shard`: its timestamp is moved on by
 * at most `count - 1` ms, so that tests can place guilds on the shards they need.
 */
export function nextSnowflakeOnShard(shard: number, count: number): string {
  const id = BigInt(nextSnowflake());
  const ms = id >> 22n;
  const n = BigInt(count);
  const ahead = (((BigInt(shard) - (ms % n)) % n) + n) % n;
  if (ahead === 0n) return id.toString();
  last = (ms + ahead) << 22n;
  return last.toString();
}
