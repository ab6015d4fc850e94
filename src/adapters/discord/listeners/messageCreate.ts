import type { Message } from 'discord.js';
import { gradeThreadMessage } from '../answers/gradeThreadMessage.ts';
import type { BotDeps } from '../deps.ts';
import { reportError } from '../reportError.ts';

/** A message in a thread may be an answer to its quiz; the bot's own echoes and DMs are not. */
export async function onMessageCreate(deps: BotDeps, message: Message): Promise<void> {
  if (message.author.bot || !message.inGuild() || !message.channel.isThread()) return;
  try {
    await gradeThreadMessage(deps, message, `discord:message:${message.id}`);
  } catch (error) {
    await reportError(deps.logger, error, { message });
  }
}
