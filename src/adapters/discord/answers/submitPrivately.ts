import type { ChatInputCommandInteraction, ModalSubmitInteraction } from 'discord.js';
import { submitAnswer, type SubmitAnswerResult } from '../../../app/index.ts';
import { isNumeric } from '../../../core/cards/card.ts';
import type { BotDeps } from '../deps.ts';
import { answerSay } from '../messages.ts';
import { locationOf, userOf } from '../where.ts';
import { readBackImage } from './readBack.ts';
import { TooManyWaiting, whileStoreDown } from './whileStoreDown.ts';

/**
 * An answer given privately (`/answer`, or the Answer button's modal), on an interaction already
 * deferred as ephemeral: the verdict and the read-back image go to the student alone; the quiz
 * thread only learns "@user solved part N".
 */
export async function submitPrivately(
  deps: BotDeps,
  interaction: ChatInputCommandInteraction<'cached'> | ModalSubmitInteraction<'cached'>,
  input: string,
  quizId?: string,
): Promise<void> {
  const user = userOf(interaction);
  const externalId = `discord:interaction:${interaction.id}`;
  let result: SubmitAnswerResult;
  try {
    // Discord never sends an interaction again: it waits here for the database (the deferred reply
    // may be edited for 15 minutes), or the answer is lost.
    ({ value: result } = await whileStoreDown(deps, externalId, () =>
      deps.perUser.run(user.id, () =>
        submitAnswer(deps.app, { ...locationOf(interaction, quizId), externalId, user, input }),
      ),
    ));
  } catch (error) {
    if (!(error instanceof TooManyWaiting)) throw error;
    await interaction.editReply(answerSay.storeBusy);
    return;
  }
  if (result.kind === 'duplicate') {
    await interaction.editReply(answerSay.duplicate(result.attempt));
    return;
  }
  if (result.kind !== 'graded') {
    await interaction.editReply(answerSay.notGraded(result));
    return;
  }
  const card = deps.app.catalog.get(result.quiz.cardId);
  const image =
    card && isNumeric(card) && result.verdict.verdict !== 'invalid'
      ? await readBackImage(deps.renderer, card, input)
      : undefined;
  const content = answerSay.private(result, card);
  await interaction.editReply(image ? { content, files: [image] } : { content });
  if (result.verdict.verdict === 'correct' && result.quiz.threadId) {
    await announceSolve(deps, result.quiz.threadId, user.id, result.attempt.part);
  }
}

async function announceSolve(deps: BotDeps, threadId: string, userId: string, part: string): Promise<void> {
  try {
    const thread = await deps.client.channels.fetch(threadId);
    if (thread?.isSendable()) await thread.send(answerSay.solvedInPrivate(userId, part));
  } catch (error) {
    // The student has their verdict; a thread that is gone or locked only loses the announcement.
    deps.logger.warn({ err: error, threadId }, 'could not announce a private solve');
  }
}
