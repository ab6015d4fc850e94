import { randomInt } from 'node:crypto';
import { loadConfig } from '../../config.ts';
import { loadSeeds } from '../seeds/loadSeeds.ts';
import { analyticsCommand, type OpenApp } from './analyticsCommands.ts';
import { optionValue, parseArgs } from './args.ts';
import { cardsCheckCommand, cardsListCommand, type CardLint } from './commands/cards.ts';
import { cardsDraftCommand } from './commands/draft.ts';
import { batchCommand, gradeCommand } from './commands/grade.ts';
import { stepsCommand } from './commands/steps.ts';
import { renderCommand } from './renderCommand.ts';
import { renderDeps } from './renderDeps.ts';
import { texLint } from './texLint.ts';
import type { CliIo } from './io.ts';

const USAGE = `gradquiz — grade gradient derivations

Usage:
  gradquiz grade <card-id> <part-label> [--seeds DIR] [--json] [--seed N] [--] '<answer>'
  gradquiz grade --batch FILE|- [--seeds DIR] [--json] [--seed N]
  gradquiz cards check [--seeds DIR]
  gradquiz cards list [--seeds DIR] [--json]
  gradquiz cards draft FILE|DIR [--write]
  gradquiz steps <card-id> [part-label] [--seeds DIR] [--json]
  gradquiz render <card-id> [--solution] [--theme dark|light] -o FILE.png
  gradquiz render --answer '<expr>' --card <card-id> [--theme dark|light] -o FILE.png
  gradquiz stats [--card ID] [--guild ID] [--since YYYY-MM-DD] [--period week|month|all] [--tz ZONE] [--json]
  gradquiz export attempts|grades [--guild ID] [--since YYYY-MM-DD] [--tz ZONE] [--format csv|jsonl]
                  [-o FILE] [--anonymize]

stats and export read the database of npm start (DATABASE_URL, else GRADQUIZ_DATA_DIR). Exports name every
user who has not deleted their data; --anonymize replaces ids and names by an HMAC keyed with
GRADQUIZ_EXPORT_SECRET.

--seeds DIR beats GRADQUIZ_SEEDS; the default is seeds/.
`;

const VALUED = new Set([
  'seeds',
  'seed',
  'batch',
  'theme',
  'o',
  'out',
  'answer',
  'card',
  'guild',
  'since',
  'period',
  'tz',
  'format',
]);

/** What the CLI can be given by its composition root: extra card checks, and the application on the database. */
export interface CliExtras {
  readonly lints?: readonly CardLint[];
  readonly openApp?: OpenApp;
}

/** Runs one command line and returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIo, extras: CliExtras = {}): Promise<number> {
  const parsed = parseArgs(argv, VALUED);
  if (!parsed.ok) {
    io.err(`gradquiz: ${parsed.message}\n${USAGE}`);
    return 2;
  }
  const args = parsed.args;
  const [command, ...rest] = args.positionals;
  if (command === undefined || command === 'help' || args.options.has('help') || args.options.has('h')) {
    io.out(USAGE);
    return command === undefined && !args.options.has('help') ? 2 : 0;
  }
  const loaded = loadConfig(io.env);
  if (!loaded.ok) {
    io.err(`gradquiz: ${loaded.message}\n`);
    return 2;
  }
  if (command === 'stats' || command === 'export') {
    if (extras.openApp === undefined) {
      io.err(`gradquiz: ${command} needs the database, which this build of the CLI cannot open\n`);
      return 2;
    }
    return analyticsCommand(args, loaded.config, io, extras.openApp);
  }
  const seedsDir = optionValue(args, 'seeds') ?? loaded.config.GRADQUIZ_SEEDS;
  const seedOption = optionValue(args, 'seed');
  const seed = seedOption === undefined ? randomInt(2 ** 31) : Number(seedOption);
  if (!Number.isInteger(seed)) {
    io.err(`gradquiz: --seed must be an integer\n`);
    return 2;
  }
  const json = args.options.has('json');
  // Drafting reads the files it is given, not the seeds folder.
  if (command === 'cards' && rest[0] === 'draft') {
    if (rest[1] === undefined || rest.length > 2) {
      io.err(`gradquiz: cards draft needs one FILE or DIR\n`);
      return 2;
    }
    return cardsDraftCommand(rest[1], args.options.has('write'), io);
  }
  const bank = await loadSeeds(seedsDir).catch((error: Error) => error);
  if (bank instanceof Error) {
    io.err(`gradquiz: cannot read the seeds folder ${seedsDir}: ${bank.message}\n`);
    return 2;
  }

  if (command === 'grade') {
    const batch = optionValue(args, 'batch');
    if (batch !== undefined) return batchCommand(bank, batch, { json, seed }, io);
    const [cardId, label, answer] = rest;
    if (cardId === undefined || label === undefined || answer === undefined || rest.length > 3) {
      io.err(
        `gradquiz: grade needs <card-id> <part-label> '<answer>' (quote the answer; use -- before an answer starting with -)\n`,
      );
      return 2;
    }
    return gradeCommand(bank, cardId, label, answer, { json, seed }, io);
  }
  if (command === 'cards' && rest[0] === 'check')
    return cardsCheckCommand(bank, extras.lints ?? [await texLint()], io);
  if (command === 'cards' && rest[0] === 'list') return cardsListCommand(bank, json, io);
  if (command === 'steps' && rest[0] !== undefined) return stepsCommand(bank, rest[0], rest[1], json, io);
  if (command === 'render') {
    const theme = optionValue(args, 'theme') ?? 'dark';
    if (theme !== 'dark' && theme !== 'light') {
      io.err('gradquiz: --theme is dark or light\n');
      return 2;
    }
    const answer = optionValue(args, 'answer');
    const cardId = answer === undefined ? rest[0] : (optionValue(args, 'card') ?? rest[0]);
    const result = await renderCommand(
      {
        ...(cardId !== undefined ? { cardId } : {}),
        ...(answer !== undefined ? { answer } : {}),
        solution: args.options.has('solution'),
        theme,
        out: optionValue(args, 'o') ?? optionValue(args, 'out') ?? '',
      },
      renderDeps(bank),
    );
    io.out(result.stdout);
    io.err(result.stderr);
    return result.exitCode;
  }
  io.err(`gradquiz: unknown command "${[command, ...rest].join(' ')}"\n${USAGE}`);
  return 2;
}
