import { defineConfig } from 'vitest/config';

/** `npm run test:shards`: several bot processes on one PostgreSQL (`.ci/run`'s PostgreSQL pass). */
export default defineConfig({
  test: {
    include: ['tests/shards/**/*.test.ts'],
    testTimeout: 150_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
