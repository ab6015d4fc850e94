import { z } from 'zod';

import type { AppContext } from '../../app/index.ts';
import type { Config } from '../../config.ts';
import { isTimeZone } from '../../core/scoring/index.ts';
import { optionValue, type ParsedArgs } from './args.ts';
import { exportCommand } from './commands/export.ts';
import { statsCommand } from './commands/stats.ts';
import type { CliIo } from './io.ts';

/** The application on the configured database, opened by the composition root for the commands that read it. */
export type OpenApp = (config: Config) => Promise<{ readonly app: AppContext; close(): Promise<void> }>;

const optionsSchema = z.object({
  card: z.string().min(1).optional(),
  guild: z.string().min(1).optional(),
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'is a date, YYYY-MM-DD')
    .optional(),
  period: z.enum(['week', 'month', 'all']).optional(),
  tz: z.string().refine(isTimeZone, 'is no time zone this system knows').optional(),
  format: z.enum(['csv', 'jsonl']).default('csv'),
  o: z.string().min(1).optional(),
});

/** `gradquiz stats …` and `gradquiz export attempts|grades …`: they read the database, through the use cases. */
export async function analyticsCommand(
  args: ParsedArgs,
  config: Config,
  io: CliIo,
  openApp: OpenApp,
): Promise<number> {
  const [command, what, ...extra] = args.positionals;
  const isExport = command === 'export';
  if (extra.length > 0 || (isExport ? what !== 'attempts' && what !== 'grades' : what !== undefined)) {
    io.err(`gradquiz: ${isExport ? 'export needs attempts or grades' : 'stats takes options only'}\n`);
    return 2;
  }
  const given = Object.fromEntries(
    ['card', 'guild', 'since', 'period', 'tz', 'format', 'o'].flatMap((name) => {
      const value = optionValue(args, name) ?? (name === 'o' ? optionValue(args, 'out') : undefined);
      return value === undefined ? [] : [[name, value]];
    }),
  );
  const parsed = optionsSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `--${i.path.join('.')} ${i.message}`).join('; ');
    io.err(`gradquiz: ${problems}\n`);
    return 2;
  }
  const options = parsed.data;
  const anonymize = args.options.has('anonymize');
  if (anonymize && config.GRADQUIZ_EXPORT_SECRET === undefined) {
    io.err(
      'gradquiz: --anonymize needs GRADQUIZ_EXPORT_SECRET (a secret key of 16 characters or more, in the environment or .env): without a key, hashed Discord ids could be reversed\n',
    );
    return 2;
  }
  const scope = {
    ...(options.guild !== undefined ? { guildId: options.guild } : {}),
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.tz !== undefined ? { timeZone: options.tz } : {}),
  };
  const { app, close } = await openApp(config);
  try {
    if (!isExport)
      return await statsCommand(
        app,
        {
          ...scope,
          ...(options.card !== undefined ? { cardId: options.card } : {}),
          ...(options.period !== undefined ? { period: options.period } : {}),
        },
        args.options.has('json'),
        io,
      );
    return await exportCommand(
      app,
      {
        ...scope,
        what: what === 'grades' ? 'grades' : 'attempts',
        format: options.format,
        ...(options.o !== undefined ? { file: options.o } : {}),
        ...(anonymize && config.GRADQUIZ_EXPORT_SECRET !== undefined
          ? { anonymizeWith: config.GRADQUIZ_EXPORT_SECRET }
          : {}),
      },
      io,
    );
  } finally {
    await close();
  }
}
