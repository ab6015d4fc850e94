import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { startQuiz, type StartQuizInput } from '../../app/index.ts';
import type { BotDeps } from './deps.ts';
import { quizSay } from './messages.ts';
import { answersStayVisible, openQuizThread, quizMessage } from './quizPost.ts';
import { userOf } from './where.ts';

export type QuizFilters = Pick<StartQuizInput, 'cardId' | 'tag' | 'course' | 'difficulty'>;

/**
 * Starts a quiz for the user of an interaction and posts it as the interaction's public reply, with
 * its thread. The reply is deferred at once (drawing the question takes a moment), and the thread is
 * opened on the deferred message before the card replaces it: when the card shows, its thread is
 * there and answers typed in it are graded. What went wrong (no such card, a channel where quizzes
 * are not allowed) replaces the reply instead.
 */
export async function postQuiz(
  deps: BotDeps,
  interaction: ChatInputCommandInteraction<'cached'> | ButtonInteraction<'cached'>,
  filters: QuizFilters,
): Promise<void> {
  const deferred = await interaction.deferReply({ withResponse: true });
  const channel = interaction.channel;
  if (!channel) throw new Error(`channel ${interaction.channelId} is not cached`);
  const result = await startQuiz(deps.app, {
    user: userOf(interaction),
    guildId: interaction.guildId,
    channelId: channel.id,
    ...filters,
  });
  if (result.kind !== 'started') {
    await interaction.editReply(quizSay.failed(result));
    return;
  }
  // Not every Discord answers a deferral with its message: then the thread waits for the post.
  const loading = deferred.resource?.message ?? (await interaction.fetchReply().catch(() => null));
  let threadId = loading ? await openQuizThread(deps, loading, result.quiz, result.card) : null;
  const askForSpoilers = await answersStayVisible(deps, channel);
  const post = await interaction
    .editReply(await quizMessage(deps, result.card, result.quiz, askForSpoilers))
    .catch(async (error: unknown) => {
      // An upload refused (no Attach Files, a proxy without multipart): the question goes as text.
      deps.logger.warn({ err: error, quizId: result.quiz.id }, 'could not post the question image');
      return interaction.editReply(
        await quizMessage({ ...deps, renderer: undefined }, result.card, result.quiz, askForSpoilers),
      );
    });
  // Should Discord refuse a thread on the "thinking…" message, the finished post gets it.
  threadId ??= await openQuizThread(deps, post, result.quiz, result.card);
  const notes = [
    ...(threadId
      ? []
      : ['I could not open a thread here (I need **Create Public Threads**): answer with `/answer`.']),
    ...(result.alreadySolved ? [quizSay.alreadySolved] : []),
  ];
  if (notes.length) await interaction.followUp({ content: notes.join('\n'), flags: MessageFlags.Ephemeral });
}
