import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { showSolution } from '../showSolution.ts';
import type { SlashCommand } from './command.ts';

/**
 * `/solution`: the worked solution — privately to a student who has not solved the card (who gives
 * up its remaining parts), publicly once they solved every part; on a flashcard, privately with the
 * buttons to rate one's recall. A LaTeX button under it gives the solution's source to whoever
 * clicks, privately.
 */
export const solutionCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('solution')
    .setDescription('Show the solution (before you solve the card, you give up its points)')
    .setContexts(InteractionContextType.Guild),

  async execute(deps, interaction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await showSolution(deps, interaction);
  },
};
