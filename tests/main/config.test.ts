import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

const load = (env: NodeJS.ProcessEnv) => loadConfig(env, '/nonexistent/.env');

describe('GIVEN the shard settings', () => {
  it('THEN none means one process and no sharding, as before', () => {
    const loaded = load({});
    expect(loaded).toMatchObject({ ok: true });
    if (!loaded.ok) return;
    expect(loaded.config.GRADQUIZ_SHARD_COUNT).toBeUndefined();
    expect(loaded.config.GRADQUIZ_SHARD_IDS).toBeUndefined();
  });

  it('THEN a count and a list of ids are read, ids deduplicated and sorted', () => {
    const loaded = load({ GRADQUIZ_SHARD_COUNT: '4', GRADQUIZ_SHARD_IDS: ' 3, 1,1 ' });
    expect(loaded).toMatchObject({
      ok: true,
      config: { GRADQUIZ_SHARD_COUNT: 4, GRADQUIZ_SHARD_IDS: [1, 3] },
    });
    expect(load({ GRADQUIZ_SHARD_COUNT: 'auto' })).toMatchObject({
      ok: true,
      config: { GRADQUIZ_SHARD_COUNT: 'auto' },
    });
  });

  it('THEN auto with ids, ids without a count, an id out of range or a bad list are refused, saying why', () => {
    const refused = (env: NodeJS.ProcessEnv) => {
      const loaded = load(env);
      return loaded.ok ? '' : loaded.message;
    };
    expect(refused({ GRADQUIZ_SHARD_COUNT: 'auto', GRADQUIZ_SHARD_IDS: '0' })).toMatch(
      /GRADQUIZ_SHARD_IDS: needs a number in GRADQUIZ_SHARD_COUNT.*auto/,
    );
    expect(refused({ GRADQUIZ_SHARD_IDS: '0,1' })).toMatch(/GRADQUIZ_SHARD_IDS: needs a number/);
    expect(refused({ GRADQUIZ_SHARD_COUNT: '2', GRADQUIZ_SHARD_IDS: '1,2,5' })).toMatch(
      /shard 2, 5 does not exist with GRADQUIZ_SHARD_COUNT=2 \(ids run from 0 to 1\)/,
    );
    expect(refused({ GRADQUIZ_SHARD_COUNT: '2', GRADQUIZ_SHARD_IDS: 'zero' })).toMatch(/shard numbers/);
    expect(refused({ GRADQUIZ_SHARD_COUNT: '0' })).toMatch(/GRADQUIZ_SHARD_COUNT/);
    expect(refused({ GRADQUIZ_SHARD_COUNT: 'many' })).toMatch(/GRADQUIZ_SHARD_COUNT/);
  });
});
