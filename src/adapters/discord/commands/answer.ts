import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { submitPrivately } from '../answers/submitPrivately.ts';
import type { SlashCommand } from './command.ts';

/** The reader refuses longer input anyway; Discord's own cap on a string option is 6000. */
export const MAX_ANSWER_LENGTH = 1000;

/** `/answer expression:` — a private answer to the quiz of this thread, or the latest one of the channel. */
export const answerCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('answer')
    .setDescription('Answer the quiz privately: only you see the verdict')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) =>
      o
        .setName('expression')
        .setDescription('Your gradient, e.g. (y - yhat) * x')
        .setRequired(true)
        .setMaxLength(MAX_ANSWER_LENGTH),
    ),

  async execute(deps, interaction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await submitPrivately(deps, interaction, interaction.options.getString('expression', true));
  },
};
