import {
  ActionRowBuilder,
  EmbedBuilder,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
  type ButtonBuilder,
} from 'discord.js';
import { revealSolution } from '../../../app/index.ts';
import { cardImage } from '../cardImage.ts';
import { latexButtonFor } from '../components/latexButton.ts';
import { solutionSay } from '../messages.ts';
import { locationOf, userOf } from '../where.ts';
import type { SlashCommand } from './command.ts';

/**
 * `/solution`: the worked solution — privately to a student who has not solved the card (who gives
 * up its remaining parts), publicly once they solved every part. A LaTeX button under it gives the
 * solution's source to whoever clicks, privately.
 */
export const solutionCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('solution')
    .setDescription('Show the solution (before you solve the card, you give up its points)')
    .setContexts(InteractionContextType.Guild),

  async execute(deps, interaction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const user = userOf(interaction);
    const result = await deps.perUser.run(user.id, () =>
      revealSolution(deps.app, {
        ...locationOf(interaction),
        userId: user.id,
        displayName: user.displayName,
      }),
    );
    if (result.kind !== 'solution') {
      await interaction.editReply(solutionSay.unavailable(result));
      return;
    }
    const embed = new EmbedBuilder().setTitle(`Solution — ${result.card.id}`).setColor(0x57f287);
    const image = result.solution
      ? await cardImage(deps.renderer, result.solution, 'solution.png')
      : undefined;
    if (image?.ok) embed.setImage('attachment://solution.png');
    else embed.setDescription((result.solution ?? solutionSay.missing).slice(0, 4000));
    const post = {
      content: solutionSay.intro(result),
      embeds: [embed],
      files: image?.ok ? [image.file] : [],
      components: result.solution
        ? [new ActionRowBuilder<ButtonBuilder>().addComponents(latexButtonFor('solution', result.card.id))]
        : [],
    };
    if (!result.public) {
      await interaction.editReply(post);
      return;
    }
    await interaction.editReply(solutionSay.postedPublicly);
    await interaction.followUp(post);
  },
};
