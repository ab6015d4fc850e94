import {
  ActionRowBuilder,
  EmbedBuilder,
  PermissionFlagsBits,
  ThreadAutoArchiveDuration,
  type AttachmentBuilder,
  type ButtonBuilder,
  type GuildTextBasedChannel,
  type Message,
} from 'discord.js';
import { getGuildSettings, recordQuizPost, type QuizRecord } from '../../app/index.ts';
import type { Card } from '../../core/cards/card.ts';
import { botCan } from './botCan.ts';
import { cardImage } from './cardImage.ts';
import { answerButtonFor } from './components/answerButton.ts';
import { latexButtonFor } from './components/latexButton.ts';
import { showAnswerButtonFor } from './components/showAnswerButton.ts';
import type { BotDeps } from './deps.ts';
import { flashcardSay, quizSay } from './messages.ts';

const EMBED_COLOUR = 0x5865f2;
const DESCRIPTION_LIMIT = 4000;

/** A short title for the embed and the thread: the question's first sentence, without markup. */
export function cardTitle(card: Card): string {
  const line = card.question.split('\n').find((text) => text.trim() !== '') ?? card.id;
  const plain = line
    .replace(/\$\$?([^$]*)\$\$?/g, '$1')
    .replace(/[#*_`]/g, '')
    .replace(/^\(\d+\s*p\)\s*/i, '')
    .trim();
  return plain.length > 80 ? `${plain.slice(0, 79)}…` : plain;
}

/**
 * Whether correct answers would stay readable in this channel: the admin chose spoilers, or the bot
 * cannot delete other people's messages there. The quiz post then asks for ||spoilers||.
 */
export async function answersStayVisible(deps: BotDeps, channel: GuildTextBasedChannel): Promise<boolean> {
  const guild = await getGuildSettings(deps.app, channel.guildId);
  return guild.hideMode === 'spoiler' || !botCan(channel, PermissionFlagsBits.ManageMessages);
}

/** What the quiz post says under the question, and its first button, by the card's grading mode. */
function howToAnswer(card: Card, quiz: QuizRecord, askForSpoilers: boolean) {
  if (card.grading === 'self') {
    return { lead: flashcardSay.lead, how: flashcardSay.howTo, button: showAnswerButtonFor(quiz.id) };
  }
  return {
    lead: card.parts.map((part) => `**${part.label}.** ${part.prompt}`).join('\n'),
    how: askForSpoilers ? `${quizSay.answerHere}\n${quizSay.spoilerPlease}` : quizSay.answerHere,
    button: answerButtonFor(quiz.id),
  };
}

/**
 * The quiz post: an embed with the question drawn as an image (or as text), the Answer button (a
 * flashcard's Show answer button), and the LaTeX button that gives the question's source privately
 * (a screen reader's, or a student's notes).
 */
export async function quizMessage(
  deps: BotDeps,
  card: Card,
  quiz: QuizRecord,
  askForSpoilers: boolean,
): Promise<{
  embeds: EmbedBuilder[];
  files: AttachmentBuilder[];
  components: ActionRowBuilder<ButtonBuilder>[];
}> {
  const image = await cardImage(deps.renderer, card.question, 'question.png');
  const { lead, how, button } = howToAnswer(card, quiz, askForSpoilers);
  const description = image.ok
    ? lead
    : `${card.question.slice(0, DESCRIPTION_LIMIT - lead.length - 200)}\n\n${lead}\n${deps.renderer ? quizSay.noImage(image.message) : ''}`;
  const embed = new EmbedBuilder()
    .setColor(EMBED_COLOUR)
    .setTitle(`${card.grading === 'self' ? '🃏' : '📝'} ${cardTitle(card)}`.slice(0, 256))
    .setDescription(description.trim().slice(0, DESCRIPTION_LIMIT))
    .addFields(
      { name: 'Course', value: card.course.slice(0, 1024) || '—', inline: true },
      {
        name: 'Difficulty',
        value: `${'★'.repeat(card.difficulty)}${'☆'.repeat(Math.max(0, 5 - card.difficulty))}`,
        inline: true,
      },
      {
        name: 'Tags',
        value:
          card.tags
            .map((tag) => `\`${tag}\``)
            .join(' ')
            .slice(0, 1024) || '—',
        inline: true,
      },
      { name: 'How to answer', value: how },
    )
    .setFooter({ text: `Card ${card.id}` });
  if (image.ok) embed.setImage('attachment://question.png');
  return {
    embeds: [embed],
    files: image.ok ? [image.file] : [],
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(button, latexButtonFor('question', card.id)),
    ],
  };
}

/**
 * Opens the public thread of a quiz post and records where it lives. The thread's id is recorded
 * first — a thread started from a message takes the message's id — so that an answer typed the
 * moment the thread appears already finds its quiz. Without the permission to create threads the
 * quiz still works through `/answer`: the thread id goes back to null and this returns null.
 */
export async function openQuizThread(
  deps: BotDeps,
  post: Message,
  quiz: QuizRecord,
  card: Card,
): Promise<string | null> {
  await recordQuizPost(deps.app, quiz.id, { threadId: post.id, messageId: post.id });
  try {
    const thread = await post.startThread({
      name: quizSay.threadName(card, cardTitle(card)),
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
    });
    if (thread.id !== post.id)
      await recordQuizPost(deps.app, quiz.id, { threadId: thread.id, messageId: post.id });
    return thread.id;
  } catch (error) {
    deps.logger.warn(
      { err: error, quizId: quiz.id, channelId: post.channelId },
      'could not open the quiz thread',
    );
    await recordQuizPost(deps.app, quiz.id, { threadId: null, messageId: post.id });
    return null;
  }
}
