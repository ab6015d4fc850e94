import { setTimeout as sleep } from 'node:timers/promises';
import type { Message } from 'discord.js';
import type { BotDeps } from '../deps.ts';
import { answerSay } from '../messages.ts';
import { reportError } from '../reportError.ts';
import { gradeThreadMessage } from './gradeThreadMessage.ts';

/** Waits before grading an answer again while the database is out of reach: about six minutes in all. */
export const RETRY_DELAYS_MS: readonly number[] = [2_000, 10_000, 30_000, 60_000, 120_000, 180_000];

/**
 * Grades a thread message; when the database is out of reach, tells the student once and tries
 * again later. Retrying is safe because an answer is recorded under its externalId: whatever was
 * already written is found, not written twice.
 */
export async function gradeOrRetry(deps: BotDeps, message: Message<true>, externalId: string): Promise<void> {
  const delays = deps.retryDelaysMs ?? RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      await gradeThreadMessage(deps, message, externalId);
      return;
    } catch (error) {
      const delay = delays[attempt];
      if (!deps.isStoreUnavailable(error) || delay === undefined || deps.shutdown.aborted) {
        await reportError(deps.logger, error, { message });
        return;
      }
      deps.logger.warn({ err: error, externalId, attempt }, 'database out of reach: the answer waits');
      if (attempt === 0) await message.reply(answerSay.storeUnavailable).catch(() => undefined);
      try {
        await sleep(delay, undefined, { signal: deps.shutdown });
      } catch {
        deps.logger.error(
          { externalId },
          'stopped before the database came back: the answer was not recorded',
        );
        return;
      }
    }
  }
}
