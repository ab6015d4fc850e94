import type { Message, PartialMessage } from 'discord.js';
import { externalIdOf } from '../answers/externalIdOf.ts';
import { gradeOrRetry } from '../answers/gradeOrRetry.ts';
import type { BotDeps } from '../deps.ts';

/**
 * An edited message in a quiz thread is graded again, as a new attempt named by its edit time: a
 * redelivered edit is still one row. Updates without an edit time (link previews) are not edits. A
 * message the bot has not cached (sent before a restart, or pushed out of a busy thread's cache)
 * comes as a partial: it is fetched whole first.
 */
export async function onMessageUpdate(deps: BotDeps, update: Message | PartialMessage): Promise<void> {
  const message = update.partial ? await update.fetch().catch(() => undefined) : update;
  if (!message || message.author.bot || !message.inGuild() || !message.channel.isThread()) return;
  if (message.editedTimestamp === null) return;
  await gradeOrRetry(deps, message, externalIdOf(message));
}
