import type { BaseInteraction, Message } from 'discord.js';
import type { QuizLocation, UserRef } from '../../app/index.ts';

/** The user as the application knows them: their id, and the name this server shows for them. */
export function userOf(source: BaseInteraction | Message): UserRef {
  const user = 'author' in source ? source.author : source.user;
  const member = source.member;
  const displayName = member && 'displayName' in member ? member.displayName : user.displayName;
  return { id: user.id, displayName };
}

/**
 * Where an interaction happened, as a quiz location: inside a thread, the thread and its parent
 * channel (quizzes are recorded under the channel they were posted in); elsewhere, the channel.
 */
export function locationOf(interaction: BaseInteraction, quizId?: string): QuizLocation {
  const channel = interaction.channel;
  const guildId = interaction.guildId ?? '';
  const base = channel?.isThread()
    ? { guildId, channelId: channel.parentId ?? channel.id, threadId: channel.id }
    : { guildId, channelId: interaction.channelId ?? '' };
  return quizId ? { ...base, quizId } : base;
}
