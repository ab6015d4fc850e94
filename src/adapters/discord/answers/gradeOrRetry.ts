import type { Message } from 'discord.js';
import type { BotDeps } from '../deps.ts';
import { answerSay } from '../messages.ts';
import { reportError } from '../reportError.ts';
import { gradeThreadMessage, type GradeOptions } from './gradeThreadMessage.ts';
import { TooManyWaiting, whileStoreDown } from './whileStoreDown.ts';

/** The mark on an answer that waits for the database; the verdict's reply is the only reply. */
const WAITING_MARK = '⏳';

/**
 * Grades a thread message; when the database is out of reach, marks it ⏳ and tries again later
 * (see {@link whileStoreDown}). Each answer gets one reply at most: its verdict, or else the
 * apology. An answer still waiting when the bot stops gets neither: start-up catch-up grades it.
 */
export async function gradeOrRetry(
  deps: BotDeps,
  message: Message<true>,
  externalId: string,
  options: GradeOptions = {},
): Promise<void> {
  // The same message may come twice at once (a redelivered event while catch-up reads the thread):
  // the first one handles it.
  if (deps.handling.has(externalId)) return;
  deps.handling.add(externalId);
  try {
    const { waited } = await whileStoreDown(
      deps,
      externalId,
      () => gradeThreadMessage(deps, message, externalId, options),
      async () => void (await message.react(WAITING_MARK).catch(() => undefined)),
    );
    if (waited) await unmark(deps, message);
  } catch (error) {
    if (error instanceof TooManyWaiting) {
      deps.logger.warn({ externalId }, error.message);
      await message.reply(answerSay.storeBusy).catch(() => undefined);
    } else if (
      deps.shutdown.aborted &&
      (deps.isStoreUnavailable(error) || (error as Error).name === 'AbortError')
    ) {
      deps.logger.error(
        { err: error, externalId },
        'stopped before the answer was recorded (start-up catch-up grades it)',
      );
    } else {
      await reportError(deps.logger, error, { message });
    }
  } finally {
    deps.handling.delete(externalId);
  }
}

async function unmark(deps: BotDeps, message: Message<true>): Promise<void> {
  await message.reactions.cache
    .get(WAITING_MARK)
    ?.users.remove(deps.client.user?.id)
    .catch(() => undefined);
}
