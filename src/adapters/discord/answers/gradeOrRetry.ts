import { setTimeout as sleep } from 'node:timers/promises';
import type { Message } from 'discord.js';
import type { BotDeps } from '../deps.ts';
import { answerSay } from '../messages.ts';
import { reportError } from '../reportError.ts';
import { gradeThreadMessage } from './gradeThreadMessage.ts';

/** Waits before grading an answer again while the database is out of reach: about six minutes in all. */
export const RETRY_DELAYS_MS: readonly number[] = [2_000, 10_000, 30_000, 60_000, 120_000, 180_000];

/** Answers that may wait for the database at once: each holds its message in memory. */
export const MAX_WAITING_ANSWERS = 500;

/** The mark on an answer that waits for the database; the verdict's reply is the only reply. */
const WAITING_MARK = '⏳';

/**
 * Grades a thread message; when the database is out of reach, marks it ⏳ and tries again later, a
 * bounded number of times, for a bounded number of answers at once. Retrying is safe because an
 * answer is recorded under its externalId: whatever was already written is found, not written
 * twice. Each answer gets one reply at most: its verdict, or else the apology.
 */
export async function gradeOrRetry(deps: BotDeps, message: Message<true>, externalId: string): Promise<void> {
  const delays = deps.retryDelaysMs ?? RETRY_DELAYS_MS;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await gradeThreadMessage(deps, message, externalId);
        if (attempt > 0) await unmark(deps, message);
        return;
      } catch (error) {
        const delay = delays[attempt];
        if (!deps.isStoreUnavailable(error) || delay === undefined || deps.shutdown.aborted) {
          await reportError(deps.logger, error, { message });
          return;
        }
        if (attempt === 0) {
          if (deps.waitingAnswers.size >= MAX_WAITING_ANSWERS) {
            deps.logger.warn({ externalId }, 'database out of reach and too many answers waiting');
            await message.reply(answerSay.storeBusy).catch(() => undefined);
            return;
          }
          deps.waitingAnswers.add(externalId);
          await message.react(WAITING_MARK).catch(() => undefined);
        }
        deps.logger.warn({ err: error, externalId, attempt }, 'database out of reach: the answer waits');
        try {
          await sleep(delay, undefined, { signal: deps.shutdown });
        } catch {
          deps.logger.error(
            { externalId },
            'stopped before the database came back: the answer was not recorded (start-up catch-up grades it)',
          );
          return;
        }
      }
    }
  } finally {
    deps.waitingAnswers.delete(externalId);
  }
}

async function unmark(deps: BotDeps, message: Message<true>): Promise<void> {
  await message.reactions.cache
    .get(WAITING_MARK)
    ?.users.remove(deps.client.user?.id)
    .catch(() => undefined);
}
