import pino, { type DestinationStream, type Logger } from 'pino';

/** Interaction and webhook tokens sit in the URLs of failed requests; they are secrets too. */
const URL_TOKENS = /\/(interactions\/\d+|webhooks\/\d+)\/[A-Za-z0-9_.-]+/g;

/** Replaces every secret (the bot token above all) and every interaction token in a string. */
function scrub(text: string, secrets: readonly string[]): string {
  let out = text.replace(URL_TOKENS, '/$1/[redacted]');
  for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]');
  return out;
}

export interface LoggerOptions {
  readonly level: string;
  /** Strings that must never be written (the bot token). */
  readonly secrets: readonly string[];
  /** Where lines go; stdout by default. */
  readonly destination?: DestinationStream;
}

/**
 * The bot's structured log (pino, JSON lines). Errors are serialised with their whole cause chain;
 * then each finished line is scrubbed before it is written, so a secret is replaced wherever it
 * appears — in any field, at any depth, in a message or a stack. (Tokens are made of characters JSON
 * does not escape, so the serialised line holds them verbatim.)
 */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? pino.destination(1);
  const scrubbed: DestinationStream = {
    write: (line: string) => destination.write(scrub(line, options.secrets)),
  };
  return pino(
    {
      level: options.level,
      base: { app: 'gradquiz' },
      // Interaction tokens are not known in advance: their fields are removed by name.
      redact: {
        paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization'],
        censor: '[redacted]',
      },
      serializers: { err: pino.stdSerializers.errWithCause, error: pino.stdSerializers.errWithCause },
    },
    scrubbed,
  );
}
