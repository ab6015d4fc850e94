import type { Message } from 'discord.js';
import { gradeOrRetry } from '../answers/gradeOrRetry.ts';
import type { BotDeps } from '../deps.ts';

/** A message in a thread may be an answer to its quiz; the bot's own echoes and DMs are not. */
export async function onMessageCreate(deps: BotDeps, message: Message): Promise<void> {
  if (message.author.bot || !message.inGuild() || !message.channel.isThread()) return;
  await gradeOrRetry(deps, message, `discord:message:${message.id}`);
}
