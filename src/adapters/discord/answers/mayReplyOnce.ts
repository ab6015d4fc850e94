import type { Message } from 'discord.js';
import type { BotDeps } from '../deps.ts';

/** Bot messages read after an answer to look for an earlier reply: a thread's next few messages. */
const LOOK_AHEAD = 50;

/**
 * Whether the bot may reply to `message` for an outcome that records nothing (the quiz is finished,
 * slow down, …): a redelivered event has no row to be found by, so the bot remembers what it replied
 * to, and after a restart looks for its own reply in the messages that follow. The claim is taken
 * before the first await, so two deliveries at once reply once.
 */
export async function mayReplyOnce(
  deps: BotDeps,
  message: Message<true>,
  externalId: string,
): Promise<boolean> {
  if (deps.repliedTo.has(externalId)) return false;
  deps.repliedTo.set(externalId, true);
  try {
    const after = await message.channel.messages.fetch({ after: message.id, limit: LOOK_AHEAD });
    const botId = deps.client.user?.id;
    // A reply answers the version of the message it came after: an edit gets its own.
    const version = message.editedTimestamp ?? message.createdTimestamp;
    return !after.some(
      (m) => m.author.id === botId && m.reference?.messageId === message.id && m.createdTimestamp >= version,
    );
  } catch {
    // Without the history the reply is sent: a second reply is better than none.
    return true;
  }
}
