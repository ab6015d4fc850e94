import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Several processes on one PostgreSQL: `npm run test:shards`.
    exclude: [...configDefaults.exclude, 'tests/shards/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
