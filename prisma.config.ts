import { defineConfig } from 'prisma/config';

// Prisma 7 reads the datasource URL here. `env('DATABASE_URL')` would throw when it is unset (even for
// `prisma generate`); without it the application runs on embedded PGlite and needs no URL at all.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(process.env['DATABASE_URL'] ? { datasource: { url: process.env['DATABASE_URL'] } } : {}),
});
