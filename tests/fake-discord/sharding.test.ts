import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { shardOf } from '../../src/core/sharding/shardOf.ts';
import { startFakeDiscord, type FakeDiscord } from './index.ts';

const clients: Client[] = [];
let fake: FakeDiscord | undefined;

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.destroy()));
  await fake?.close();
  fake = undefined;
});

async function connect(on: FakeDiscord, options: Partial<ClientOptions>): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    rest: { api: on.apiUrl, retries: 0, timeout: 5000, globalRequestsPerSecond: 1e6 },
    ...options,
  });
  clients.push(client);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(on.token);
  await ready;
  return client;
}

describe('GIVEN a fake Discord of 2 shards with guilds on each', () => {
  it('THEN each shard is told of its own guilds only and gets only their events', async () => {
    fake = await startFakeDiscord({ shards: 2, maxConcurrency: 2 });
    const guilds = [0, 1, 0, 1, 0].map((shard, i) => fake!.createGuild(`g${i}`, 'quiz', { shard }));
    const zero = await connect(fake, { shardCount: 2, shards: [0] });
    const one = await connect(fake, { shardCount: 2, shards: [1] });
    expect(fake.identifies.map((identify) => identify.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const all = [fake.guildId, ...guilds.map(({ guild }) => guild.id)];
    const onShard = (shard: number) => all.filter((id) => shardOf(id, 2) === shard).sort();
    expect([...zero.guilds.cache.keys()].sort()).toEqual(onShard(0));
    expect([...one.guilds.cache.keys()].sort()).toEqual(onShard(1));
    expect(onShard(0).length).toBeGreaterThanOrEqual(3);
    expect(onShard(1).length).toBeGreaterThanOrEqual(2);

    const seen: { client: number; guildId: string | null }[] = [];
    zero.on(Events.MessageCreate, (m) => seen.push({ client: 0, guildId: m.guildId }));
    one.on(Events.MessageCreate, (m) => seen.push({ client: 1, guildId: m.guildId }));
    const ada = fake.user('ada');
    for (const { channel } of guilds) fake.postMessage({ user: ada, channelId: channel.id, content: 'hi' });
    await expect.poll(() => seen.length).toBe(guilds.length);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toHaveLength(guilds.length);
    for (const { client, guildId } of seen) expect(shardOf(guildId!, 2)).toBe(client);
    fake.assertNoErrors();
  });

  it("THEN /gateway/bot's count and max_concurrency drive `auto`: one client runs both shards at once", async () => {
    fake = await startFakeDiscord({ shards: 2, maxConcurrency: 2 });
    const started = Date.now();
    const client = await connect(fake, { shards: 'auto' });
    expect(client.options.shardCount).toBe(2);
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // Two buckets: neither identify waited the 5 s discord.js keeps between identifies of one bucket.
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('THEN an IDENTIFY with too few shards is closed with 4011 (sharding required)', async () => {
    fake = await startFakeDiscord({ shards: 2 });
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: fake.apiUrl, retries: 0, timeout: 5000, globalRequestsPerSecond: 1e6 },
      shardCount: 1,
      shards: [0],
    });
    clients.push(client);
    await expect(client.login(fake.token)).rejects.toThrow();
    expect(fake.takeErrors()).toMatchObject([{ kind: 'gateway', code: 4011 }]);
  });
});

describe('GIVEN a message sent with an enforced nonce', () => {
  it('THEN the same nonce again returns the same message, and without enforce_nonce a second one', async () => {
    fake = await startFakeDiscord();
    const client = await connect(fake, {});
    const channel = await client.channels.fetch(fake.channelId);
    if (!channel?.isSendable()) throw new Error('no channel');
    const first = await channel.send({ content: 'daily', nonce: 'daily-1', enforceNonce: true });
    const again = await channel.send({ content: 'daily', nonce: 'daily-1', enforceNonce: true });
    expect(again.id).toBe(first.id);
    const loose = await channel.send({ content: 'daily', nonce: 'daily-1' });
    expect(loose.id).not.toBe(first.id);
    expect(fake.messagesIn(fake.channelId).filter((m) => m.content === 'daily')).toHaveLength(2);
    fake.assertNoErrors();
  });
});
