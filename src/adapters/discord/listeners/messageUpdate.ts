import type { Message, PartialMessage } from 'discord.js';
import { externalIdOf } from '../answers/externalIdOf.ts';
import { gradeOrRetry } from '../answers/gradeOrRetry.ts';
import type { BotDeps } from '../deps.ts';

/**
 * An edited message in a quiz thread is graded again, as a new attempt named by its edit time: a
 * redelivered edit is still one row. Updates without an edit time (link previews) are not edits.
 */
export async function onMessageUpdate(deps: BotDeps, message: Message | PartialMessage): Promise<void> {
  if (message.partial || message.author.bot || !message.inGuild() || !message.channel.isThread()) return;
  if (message.editedTimestamp === null) return;
  await gradeOrRetry(deps, message, externalIdOf(message));
}
