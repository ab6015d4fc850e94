import { ButtonBuilder, ButtonStyle, MessageFlags } from 'discord.js';
import { showSolution } from '../showSolution.ts';
import type { ComponentHandler } from './component.ts';

const SHOW_ANSWER_BUTTON = 'reveal';

/** A flashcard's quiz post carries **Show answer** (`reveal:<quizId>`) where a numeric card has Answer. */
export const showAnswerButtonFor = (quizId: string) =>
  new ButtonBuilder()
    .setCustomId(`${SHOW_ANSWER_BUTTON}:${quizId}`)
    .setLabel('Show answer')
    .setEmoji('👁️')
    .setStyle(ButtonStyle.Primary);

/** Reveals the quiz's solution to whoever clicks, privately, with the rating buttons. */
export const showAnswerButton: ComponentHandler = {
  prefix: SHOW_ANSWER_BUTTON,
  async handle(deps, interaction, quizId) {
    if (!interaction.isButton()) return;
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await showSolution(deps, interaction, quizId);
  },
};
