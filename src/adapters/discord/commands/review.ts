import {
  ActionRowBuilder,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
  type ButtonBuilder,
} from 'discord.js';
import { nextReview } from '../../../app/index.ts';
import { reviewButtonFor } from '../components/reviewButton.ts';
import { reviewSay } from '../messages.ts';
import type { SlashCommand } from './command.ts';

/** `/review`: the caller's next card due for spaced repetition, with a button that posts it. */
export const reviewCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('review')
    .setDescription('Your next card due for review (spaced repetition)')
    .setContexts(InteractionContextType.Guild),

  async execute(deps, interaction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const result = await nextReview(deps.app, { userId: interaction.user.id });
    await interaction.editReply({
      content: reviewSay(result),
      components:
        result.kind === 'due'
          ? [new ActionRowBuilder<ButtonBuilder>().addComponents(reviewButtonFor(result.card.id))]
          : [],
    });
  },
};
