import { ButtonBuilder, ButtonStyle, ChannelType, MessageFlags } from 'discord.js';
import { postQuiz } from '../postQuiz.ts';
import type { ComponentHandler } from './component.ts';

const REVIEW_BUTTON = 'review';

/** The **Quiz me** button of `/review`, carrying the card due. */
export const reviewButtonFor = (cardId: string) =>
  new ButtonBuilder()
    .setCustomId(`${REVIEW_BUTTON}:${cardId}`)
    .setLabel('Quiz me')
    .setEmoji('🔁')
    .setStyle(ButtonStyle.Primary);

/** Posts the card due as a quiz in the channel where `/review` was asked. */
export const reviewButton: ComponentHandler = {
  prefix: REVIEW_BUTTON,
  async handle(deps, interaction, cardId) {
    if (!interaction.isButton()) return;
    if (interaction.channel?.type !== ChannelType.GuildText) {
      await interaction.reply({
        content: 'Ask `/review` in a text channel to post the card there.',
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    await postQuiz(deps, interaction, { cardId });
  },
};
