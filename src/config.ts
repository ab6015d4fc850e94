import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseEnv } from 'node:util';
import { z } from 'zod';

/**
 * The environment gradquiz reads, validated once at start (`.env.example` documents each): the only
 * reader of the environment and `.env`, for `npm start`, the CLI and every script, with every default.
 */
const envSchema = z.object({
  DISCORD_TOKEN: z.string().trim().min(1).optional(),
  DISCORD_API_URL: z.url().optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d+$/, 'must be a numeric guild id').optional(),
  DATABASE_URL: z.string().trim().min(1).optional(),
  GRADQUIZ_DATA_DIR: z.string().trim().min(1).default('.data'),
  GRADQUIZ_SEEDS: z.string().trim().min(1).default('seeds'),
  GRADQUIZ_USER: z.string().trim().min(1).optional(),
  GRADQUIZ_ANSWERS_PER_MINUTE: z.coerce.number().int().positive().default(6),
  /** A quiz nobody answered for this many days is closed, with a line in its thread. */
  GRADQUIZ_QUIZ_IDLE_DAYS: z.coerce.number().positive().default(7),
  /** How long start-up waits for a database that is not reachable yet, in seconds. */
  GRADQUIZ_DB_STARTUP_SECONDS: z.coerce.number().nonnegative().default(60),
  /** The key of `--anonymize` exports' HMAC: without it, an export cannot be anonymised. */
  GRADQUIZ_EXPORT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /** How often the daily quizzes due are looked for, in seconds. */
  GRADQUIZ_DAILY_CHECK_SECONDS: z.coerce.number().positive().default(30),
  /** Test hook only: a file holding milliseconds added to the clock (see src/main/offsetClock.ts). */
  GRADQUIZ_TEST_CLOCK_FILE: z.string().trim().min(1).optional(),
  /** The bots' REST goes through this proxy (`npm run rest-proxy`), which counts Discord's limits once for all. */
  GRADQUIZ_REST_PROXY: z.url().optional(),
  /** Where `npm run rest-proxy` listens. */
  GRADQUIZ_REST_PROXY_HOST: z.string().trim().min(1).default('127.0.0.1'),
  GRADQUIZ_REST_PROXY_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  /** Gateway shards in all: a number, or `auto` for Discord's recommendation (then this process runs them all). */
  GRADQUIZ_SHARD_COUNT: z.union([z.literal('auto'), z.coerce.number().int().positive()]).optional(),
  /** The shards this process runs, e.g. `0,1` (default: all of them). */
  GRADQUIZ_SHARD_IDS: z
    .string()
    .regex(/^\s*\d+\s*(,\s*\d+\s*)*$/, 'must be shard numbers separated by commas, e.g. 0,1')
    .transform((ids) => [...new Set(ids.split(',').map(Number))].sort((a, b) => a - b))
    .optional(),
});

/** Shard ids name shards of a known count: with `auto` Discord picks the count, so one process runs them all. */
function checkShards(env: z.infer<typeof envSchema>, ctx: z.RefinementCtx): void {
  const { GRADQUIZ_SHARD_COUNT: count, GRADQUIZ_SHARD_IDS: ids } = env;
  // Values that failed their own check are reported already.
  if (!Array.isArray(ids)) return;
  if (typeof count !== 'number') {
    ctx.addIssue({
      code: 'custom',
      path: ['GRADQUIZ_SHARD_IDS'],
      message:
        'needs a number in GRADQUIZ_SHARD_COUNT (the total of shards over every process); with auto or no count one process runs every shard',
    });
    return;
  }
  const outside = ids.filter((id) => id >= count);
  if (outside.length > 0)
    ctx.addIssue({
      code: 'custom',
      path: ['GRADQUIZ_SHARD_IDS'],
      message: `shard ${outside.join(', ')} does not exist with GRADQUIZ_SHARD_COUNT=${count} (ids run from 0 to ${count - 1})`,
    });
}

export type Config = z.infer<typeof envSchema> & { readonly localUser: string };

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** The configuration from the environment and an optional `.env` in the working directory. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotEnvPath = '.env'): ConfigResult {
  const fromFile = existsSync(dotEnvPath) ? parseEnv(readFileSync(dotEnvPath, 'utf8')) : {};
  // Empty values mean "unset", as in .env.example.
  const merged = Object.fromEntries(
    Object.entries({ ...fromFile, ...env }).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.superRefine(checkShards).safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { ok: false, message: `invalid configuration: ${problems}` };
  }
  const localUser = parsed.data.GRADQUIZ_USER ?? safeUserName();
  return { ok: true, config: { ...parsed.data, localUser } };
}

function safeUserName(): string {
  try {
    return userInfo().username || 'student';
  } catch {
    return 'student';
  }
}
