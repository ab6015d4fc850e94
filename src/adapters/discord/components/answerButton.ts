import {
  ButtonBuilder,
  ButtonStyle,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { submitPrivately } from '../answers/submitPrivately.ts';
import { MAX_ANSWER_LENGTH } from '../commands/answer.ts';
import type { ComponentHandler } from './component.ts';

const ANSWER_BUTTON = 'answer';
const ANSWER_MODAL = 'answer-modal';
const EXPRESSION_FIELD = 'expression';

/** A numeric card's quiz post carries **Answer** (`answer:<quizId>`). */
export const answerButtonFor = (quizId: string) =>
  new ButtonBuilder()
    .setCustomId(`${ANSWER_BUTTON}:${quizId}`)
    .setLabel('Answer')
    .setEmoji('✏️')
    .setStyle(ButtonStyle.Primary);

/** The quiz post's **Answer** button: opens a modal (at once: a modal cannot follow a deferral). */
export const answerButton: ComponentHandler = {
  prefix: ANSWER_BUTTON,
  async handle(_deps, interaction, quizId) {
    if (!interaction.isButton()) return;
    const input = new TextInputBuilder()
      .setCustomId(EXPRESSION_FIELD)
      .setStyle(TextInputStyle.Short)
      .setPlaceholder('(y - yhat) * x')
      .setMaxLength(MAX_ANSWER_LENGTH)
      .setRequired(true);
    await interaction.showModal(
      new ModalBuilder()
        .setCustomId(`${ANSWER_MODAL}:${quizId}`)
        .setTitle('Your answer (only you see the verdict)')
        .addLabelComponents(
          new LabelBuilder()
            .setLabel('Gradient')
            .setDescription('For the part you are on; names as in the question')
            .setTextInputComponent(input),
        ),
    );
  },
};

/** The modal's submit: graded like `/answer`, on the quiz whose button opened it. */
export const answerModal: ComponentHandler = {
  prefix: ANSWER_MODAL,
  async handle(deps, interaction, quizId) {
    if (!interaction.isModalSubmit()) return;
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await submitPrivately(deps, interaction, interaction.fields.getTextInputValue(EXPRESSION_FIELD), quizId);
  },
};
