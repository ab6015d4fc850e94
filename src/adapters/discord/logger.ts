import pino, { type DestinationStream, type Logger } from 'pino';

/** Interaction and webhook tokens sit in the URLs of failed requests; they are secrets too. */
const URL_TOKENS = /\/(interactions\/\d+|webhooks\/\d+)\/[A-Za-z0-9_.-]+/g;

/** Replaces every secret (the bot token above all) and every interaction token in a string. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text.replace(URL_TOKENS, '/$1/[redacted]');
  for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]');
  return out;
}

function scrubDeep(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return scrub(value, secrets);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, secrets, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, scrubDeep(item, secrets, depth + 1)]),
  );
}

export interface LoggerOptions {
  readonly level: string;
  /** Strings that must never be written (the bot token). */
  readonly secrets: readonly string[];
  /** Where lines go; stdout by default. */
  readonly destination?: DestinationStream;
}

/**
 * The bot's structured log (pino, JSON lines). Errors are serialised with their cause and then
 * scrubbed: a DiscordAPIError carries the request URL and body, which may hold tokens.
 */
export function createLogger(options: LoggerOptions): Logger {
  const serializeError = (error: unknown) =>
    scrubDeep(pino.stdSerializers.errWithCause(error as Error), options.secrets);
  return pino(
    {
      level: options.level,
      base: { app: 'gradquiz' },
      redact: {
        paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization'],
        censor: '[redacted]',
      },
      serializers: { err: serializeError, error: serializeError },
      hooks: {
        // The last guard: a message string is scrubbed too, whatever put the secret there.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? scrub(arg, options.secrets) : arg)) as Parameters<
              typeof method
            >,
          );
        },
      },
    },
    options.destination ?? pino.destination(1),
  );
}
