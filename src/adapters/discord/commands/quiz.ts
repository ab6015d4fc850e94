import { ChannelType, InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { postQuiz } from '../postQuiz.ts';
import { quizSay } from '../messages.ts';
import { cardChoices, courseChoices, tagChoices } from './choices.ts';
import type { SlashCommand } from './command.ts';

/** `/quiz [card] [tag] [course] [difficulty]`: posts a card and opens its thread. */
export const quizCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('quiz')
    .setDescription('Post a derivation question and open a thread for the answers')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) =>
      o.setName('card').setDescription('A card (else one at random)').setAutocomplete(true),
    )
    .addStringOption((o) => o.setName('tag').setDescription('Only cards with this tag').setAutocomplete(true))
    .addStringOption((o) =>
      o.setName('course').setDescription('Only cards of this course').setAutocomplete(true),
    )
    .addIntegerOption((o) =>
      o.setName('difficulty').setDescription('Only cards of this difficulty').setMinValue(1).setMaxValue(5),
    ),

  async execute(deps, interaction) {
    if (interaction.channel?.type !== ChannelType.GuildText) {
      await interaction.reply({
        content: 'Start a quiz in a text channel (a quiz opens a thread of its own).',
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const cardId = interaction.options.getString('card') ?? undefined;
    // Checked before deferring, so that a typo gets a private answer instead of a public one.
    if (cardId !== undefined && !deps.app.catalog.get(cardId)) {
      await interaction.reply({
        content: quizSay.failed({ kind: 'unknown_card', cardId }),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    await postQuiz(deps, interaction, {
      cardId,
      tag: interaction.options.getString('tag') ?? undefined,
      course: interaction.options.getString('course') ?? undefined,
      difficulty: interaction.options.getInteger('difficulty') ?? undefined,
    });
  },

  async autocomplete(deps, interaction) {
    const focused = interaction.options.getFocused(true);
    const pick = { card: cardChoices, tag: tagChoices, course: courseChoices }[focused.name];
    await interaction.respond(pick ? pick(deps.app.catalog, focused.value) : []);
  },
};
