import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { HELP_TEXT } from '../messages.ts';
import type { SlashCommand } from './command.ts';

/** `/help`: how to answer, and the commands. */
export const helpCommand: SlashCommand = {
  data: new SlashCommandBuilder().setName('help').setDescription('How to answer, and the commands'),

  async execute(_deps, interaction) {
    await interaction.reply({ content: HELP_TEXT, flags: MessageFlags.Ephemeral });
  },
};
