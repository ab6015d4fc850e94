import { PermissionFlagsBits, type Message } from 'discord.js';
import { getGuildSettings, quizOfThread, submitAnswer, type SubmitAnswerResult } from '../../../app/index.ts';
import { isNumeric, type NumericCard } from '../../../core/cards/card.ts';
import { VERDICT_EMOJI } from '../../text/verdictLine.ts';
import { botCan } from '../botCan.ts';
import type { BotDeps } from '../deps.ts';
import { answerSay } from '../messages.ts';
import { userOf } from '../where.ts';
import { isThreadAnswer } from './isThreadAnswer.ts';
import { mayBeAnswer } from './mayBeAnswer.ts';
import { mayReplyOnce } from './mayReplyOnce.ts';
import { readBackImage } from './readBack.ts';

type Graded = Extract<SubmitAnswerResult, { kind: 'graded' }>;

const SPOILER = /^\|\|[\s\S]+\|\|$/;

export interface GradeOptions {
  /**
   * The message is known to have no reply from the bot (start-up catch-up read the thread): if it
   * was recorded already (the bot was killed before replying), it gets its verdict now.
   */
  readonly unanswered?: boolean;
}

/**
 * A message typed (or edited) in a quiz thread: chat is left alone; an answer is graded and
 * recorded under `externalId`, marked with the verdict's emoji and answered in a line or two. A
 * correct or not-simplified answer is removed after recording when the server hides answers by
 * deletion and the bot may delete messages; otherwise it stays, and the reply asks for spoilers.
 * A redelivered message (same externalId) is recorded once and answered once.
 */
export async function gradeThreadMessage(
  deps: BotDeps,
  message: Message<true>,
  externalId: string,
  options: GradeOptions = {},
): Promise<void> {
  if (!mayBeAnswer(message.content, deps.app.catalog.all())) return;
  const quiz = await quizOfThread(deps.app, message.channelId);
  if (!quiz) return;
  const card = deps.app.catalog.get(quiz.cardId);
  // A flashcard's thread is all chat: it is revealed and rated, never answered.
  if (!card || !isNumeric(card) || !isThreadAnswer(message.content, card)) return;

  const user = userOf(message);
  const result = await deps.perUser.run(user.id, () =>
    submitAnswer(deps.app, {
      externalId,
      user,
      guildId: quiz.guildId,
      channelId: quiz.channelId,
      threadId: message.channelId,
      quizId: quiz.id,
      input: message.content,
    }),
  );
  if (result.kind === 'duplicate') {
    if (options.unanswered && (await mayReplyOnce(deps, message, externalId)))
      await message.reply(answerSay.duplicate(result.attempt));
    else deps.logger.debug({ externalId }, 'answer delivered again; already recorded');
    return;
  }
  if (result.kind !== 'graded') {
    if (await mayReplyOnce(deps, message, externalId)) await message.reply(answerSay.notGraded(result));
    return;
  }
  // Recorded now: a later delivery finds the row, and this process knows it replied.
  deps.repliedTo.set(externalId, true);
  // The mark is a courtesy: the reply in words carries the verdict, so a refused reaction stops nothing.
  await markVerdict(deps, message, result.verdict.verdict).catch((error: unknown) => {
    deps.logger.warn({ err: error, messageId: message.id }, 'could not mark the answer');
  });
  const hide = result.verdict.verdict === 'correct' || result.verdict.verdict === 'not_simplified';
  if (hide && (await deletesAnswers(deps, message))) {
    await message.reply(answerSay.hidden(result, user.id, card));
    await message.delete().catch((error: unknown) => {
      deps.logger.warn({ err: error, messageId: message.id }, 'could not remove a correct answer');
    });
    return;
  }
  const reply = await keptReply(deps, message, result, card);
  await message.reply(reply).catch(async (error: unknown) => {
    // Without the read-back image (an upload refused), the verdict in words still reaches the student.
    if (!('files' in reply)) throw error;
    deps.logger.warn({ err: error, messageId: message.id }, 'could not attach the read-back');
    await message.reply({ content: reply.content });
  });
}

/** The verdict's emoji on the answer; after an edit, the bot's marks for the earlier version go. */
async function markVerdict(
  deps: BotDeps,
  message: Message<true>,
  verdict: Graded['verdict']['verdict'],
): Promise<void> {
  if (!botCan(message.channel, PermissionFlagsBits.AddReactions)) return;
  const emoji = VERDICT_EMOJI[verdict];
  const botId = deps.client.user?.id;
  const stale = Object.values(VERDICT_EMOJI).filter(
    (mark) => mark !== emoji && message.reactions.cache.get(mark)?.me,
  );
  await Promise.all(stale.map((mark) => message.reactions.cache.get(mark)?.users.remove(botId)));
  await message.react(emoji);
}

async function deletesAnswers(deps: BotDeps, message: Message<true>): Promise<boolean> {
  if (!botCan(message.channel, PermissionFlagsBits.ManageMessages)) return false;
  return (await getGuildSettings(deps.app, message.guildId)).hideMode === 'delete';
}

/** The reply to an answer that stays in the thread: an incorrect one also gets its read-back image. */
async function keptReply(deps: BotDeps, message: Message<true>, result: Graded, card: NumericCard) {
  const content = answerSay.kept(result, card, SPOILER.test(message.content.trim()));
  const image =
    result.verdict.verdict === 'incorrect' && botCan(message.channel, PermissionFlagsBits.AttachFiles)
      ? await readBackImage(deps.renderer, card, message.content)
      : undefined;
  return image ? { content, files: [image] } : { content };
}
