import type { Message, PartialMessage } from 'discord.js';
import { gradeThreadMessage } from '../answers/gradeThreadMessage.ts';
import type { BotDeps } from '../deps.ts';
import { reportError } from '../reportError.ts';

/**
 * An edited message in a quiz thread is graded again, as a new attempt named by its edit time: a
 * redelivered edit is still one row. Updates without an edit time (link previews) are not edits.
 */
export async function onMessageUpdate(deps: BotDeps, message: Message | PartialMessage): Promise<void> {
  if (message.partial || message.author.bot || !message.inGuild() || !message.channel.isThread()) return;
  if (message.editedTimestamp === null) return;
  try {
    const edited = new Date(message.editedTimestamp).toISOString();
    await gradeThreadMessage(deps, message, `discord:message:${message.id}:edit:${edited}`);
  } catch (error) {
    await reportError(deps.logger, error, { message });
  }
}
