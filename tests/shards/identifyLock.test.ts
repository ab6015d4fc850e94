import { Client, Events, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { IDENTIFY_WINDOW_MS, sharedIdentifyThrottler } from '../../src/adapters/discord/identifyThrottler.ts';
import { advisoryBucketLock } from '../../src/adapters/store/index.ts';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.ts';
import { postgresUrl } from './postgresUrl.ts';

const closing: (() => Promise<unknown>)[] = [];
let lockErrors: unknown[] = [];
afterEach(async () => {
  lockErrors = [];
  for (const close of closing.splice(0).reverse()) await close();
});

/** A bot process's client as `npm start` makes it on PostgreSQL: its own lock session, its shard of 2. */
async function processOn(fake: FakeDiscord, shard: number, url = postgresUrl()): Promise<void> {
  const lock = advisoryBucketLock(url);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: fake.apiUrl, retries: 0, timeout: 5000, globalRequestsPerSecond: 1e6 },
    shardCount: 2,
    shards: [shard],
    ws: {
      buildIdentifyThrottler: sharedIdentifyThrottler(lock, (error) => lockErrors.push(error)),
    },
  });
  closing.push(
    () => lock.close(),
    () => client.destroy(),
  );
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(fake.token);
  await ready;
}

async function identifyGapMs(maxConcurrency: number): Promise<number> {
  const fake = await startFakeDiscord({ shards: 2, maxConcurrency });
  closing.push(() => fake.close());
  await Promise.all([processOn(fake, 0), processOn(fake, 1)]);
  const [a, b] = fake.identifies.map((identify) => identify.at.getTime());
  expect(fake.identifies.map((identify) => identify.shard[0]).sort()).toEqual([0, 1]);
  expect(lockErrors).toEqual([]);
  return Math.abs(b! - a!);
}

describe('GIVEN two processes starting shards 0 and 1 at once on one PostgreSQL', () => {
  it('THEN with max_concurrency 1 (one bucket) the second identifies only after the 5 s window', async () => {
    expect(await identifyGapMs(1)).toBeGreaterThanOrEqual(IDENTIFY_WINDOW_MS - 50);
  });

  it('THEN with max_concurrency 2 (a bucket each) both identify at once', async () => {
    expect(await identifyGapMs(2)).toBeLessThan(IDENTIFY_WINDOW_MS / 2);
  });

  it('THEN with the database out of reach a shard still connects, and says why it went without the lock', async () => {
    const fake = await startFakeDiscord({ shards: 2, maxConcurrency: 1 });
    closing.push(() => fake.close());
    await processOn(fake, 0, 'postgresql://nobody:nothing@127.0.0.1:1/none');
    expect(fake.identifies).toHaveLength(1);
    expect(String(lockErrors[0])).toMatch(/ECONNREFUSED/);
  });
});
