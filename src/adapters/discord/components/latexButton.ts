import { ButtonBuilder, ButtonStyle, MessageFlags } from 'discord.js';
import { latexSay } from '../messages.ts';
import type { ComponentHandler } from './component.ts';

const LATEX_BUTTON = 'latex';

export type CardSection = 'question' | 'solution';

/**
 * The **LaTeX** button under a quiz post (`latex:question:<cardId>`) or a solution
 * (`latex:solution:<cardId>`): the section's Markdown source, math and all, for screen readers and
 * for notes. A solution's button is only ever on a message that already shows that solution.
 */
export const latexButtonFor = (section: CardSection, cardId: string) =>
  new ButtonBuilder()
    .setCustomId(`${LATEX_BUTTON}:${section}:${cardId}`)
    .setLabel('LaTeX')
    .setEmoji('📋')
    .setStyle(ButtonStyle.Secondary);

/** Answers the click privately with the source in code blocks, over several messages if long. */
export const latexButton: ComponentHandler = {
  prefix: LATEX_BUTTON,
  async handle(deps, interaction, argument) {
    if (!interaction.isButton()) return;
    const split = argument.indexOf(':');
    const section = argument.slice(0, split);
    const cardId = argument.slice(split + 1);
    const card = split > 0 ? deps.app.catalog.get(cardId) : undefined;
    const source =
      section === 'solution' ? card?.solution : section === 'question' ? card?.question : undefined;
    if (!source?.trim()) {
      await interaction.reply({ content: latexSay.missing(cardId), flags: MessageFlags.Ephemeral });
      return;
    }
    const [first = '', ...rest] = latexSay.source(section as CardSection, cardId, source);
    await interaction.reply({ content: first, flags: MessageFlags.Ephemeral });
    for (const content of rest) await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
  },
};
