// Generates the Prisma client when it is missing (a fresh clone), so that `npm start`, `npm test`
// and `npm run db:migrate` work right after `npm ci`. Generation needs no network: Prisma only
// wants an engine path to exist (NOTES.md), not the engine.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../src/generated/prisma/client.ts', import.meta.url))) {
  execFileSync('npx', ['--no-install', 'prisma', 'generate'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: 'package.json' },
  });
}
