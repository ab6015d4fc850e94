import { randomBytes } from 'node:crypto';
import { MessageFlags, type Interaction, type Message } from 'discord.js';
import type { Logger } from 'pino';
import { errorSay } from './messages.ts';

/** A short id the user can quote and an admin can find in the log. */
const newErrorId = () => randomBytes(4).toString('hex');

/**
 * The one error path: logs the details with an id, and tells the user "Sorry, something went wrong
 * (error id …)" where they were — as the interaction's reply (or its edit, once deferred), or as a
 * reply to their message. A failure to apologise is logged, never thrown.
 */
export async function reportError(
  logger: Logger,
  error: unknown,
  where: { interaction?: Interaction; message?: Message },
): Promise<void> {
  const errorId = newErrorId();
  const { interaction, message } = where;
  logger.error(
    {
      err: error,
      errorId,
      ...(interaction
        ? {
            interactionId: interaction.id,
            kind: interaction.type,
            command: interaction.isCommand() ? interaction.commandName : undefined,
            customId:
              interaction.isMessageComponent() || interaction.isModalSubmit()
                ? interaction.customId
                : undefined,
            userId: interaction.user.id,
            guildId: interaction.guildId,
          }
        : {}),
      ...(message ? { messageId: message.id, channelId: message.channelId, userId: message.author.id } : {}),
    },
    'handler failed',
  );
  const content = errorSay(errorId);
  try {
    if (interaction?.isRepliable()) {
      if (interaction.deferred)
        await interaction.editReply({ content, embeds: [], components: [], files: [] });
      else if (interaction.replied) await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
      else await interaction.reply({ content, flags: MessageFlags.Ephemeral });
    } else if (message) {
      await message.reply(content);
    }
  } catch (apologyError) {
    logger.warn({ err: apologyError, errorId }, 'could not tell the user about the error');
  }
}
