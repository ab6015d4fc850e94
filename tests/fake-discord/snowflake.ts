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
