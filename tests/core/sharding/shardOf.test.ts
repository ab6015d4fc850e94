import { describe, expect, it } from 'vitest';
import { shardOf } from '../../../src/core/sharding/shardOf.ts';

describe('GIVEN guild ids (snowflakes) and a shard count', () => {
  it("THEN a guild's shard is its id's milliseconds modulo the count, whatever its low bits", () => {
    for (const ms of [0n, 1n, 7n, 1_234_567_890_123n]) {
      for (const low of [0n, 1n, (1n << 22n) - 1n]) {
        const id = ((ms << 22n) | low).toString();
        for (const count of [1, 2, 3, 16]) expect(shardOf(id, count)).toBe(Number(ms % BigInt(count)));
      }
    }
  });

  it('THEN ids beyond 2^53 are exact (BigInt, no float rounding)', () => {
    const id = ((2n ** 41n + 5n) << 22n) | 123n;
    expect(Number(id)).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    expect(shardOf(id.toString(), 4)).toBe(Number((2n ** 41n + 5n) % 4n));
  });
});
