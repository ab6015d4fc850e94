/** A command line split into positionals and `--name value` / `--flag` options. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: ReadonlyMap<string, string | true>;
}

export type ArgsResult = { ok: true; args: ParsedArgs } | { ok: false; message: string };

/**
 * Splits argv. `valued` names the options that take a value; `--` ends the options, so that an
 * answer may begin with `-` (`gradquiz grade c 1 -- '-(yhat - y) x'`).
 */
export function parseArgs(argv: readonly string[], valued: ReadonlySet<string>): ArgsResult {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') || (arg.startsWith('-') && arg.length === 2 && !/\d/.test(arg[1] as string))) {
      const [name, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
      if (!valued.has(name)) {
        options.set(name, true);
        continue;
      }
      const value = inline ?? argv[++i];
      if (value === undefined) return { ok: false, message: `--${name} needs a value` };
      options.set(name, value);
      continue;
    }
    positionals.push(arg);
  }
  return { ok: true, args: { positionals, options } };
}

/** An option's string value, if it was given one. */
export function optionValue(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : undefined;
}
