import {
  ActionRowBuilder,
  EmbedBuilder,
  type ButtonBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { revealSolution } from '../../app/index.ts';
import { cardImage } from './cardImage.ts';
import { latexButtonFor } from './components/latexButton.ts';
import { ratingButtonsFor } from './components/rateButton.ts';
import type { BotDeps } from './deps.ts';
import { flashcardSay, solutionSay } from './messages.ts';
import { locationOf, userOf } from './where.ts';

const SOLUTION_COLOUR = 0x57f287;

/**
 * Reveals the solution of a quiz (the one named, else the one where the interaction happened) on an
 * interaction already deferred as ephemeral: `/solution`, and a flashcard's **Show answer** button.
 * The solution is drawn as an image (as text when it cannot be), with a LaTeX button for its source.
 * A numeric card's solution stays private until the student solved every part, then is posted for
 * everyone; a flashcard's is always private and comes with the four rating buttons.
 */
export async function showSolution(
  deps: BotDeps,
  interaction: ChatInputCommandInteraction<'cached'> | ButtonInteraction<'cached'>,
  quizId?: string,
): Promise<void> {
  const user = userOf(interaction);
  const result = await deps.perUser.run(user.id, () =>
    revealSolution(deps.app, {
      ...locationOf(interaction, quizId),
      userId: user.id,
      displayName: user.displayName,
    }),
  );
  if (result.kind !== 'solution') {
    await interaction.editReply(solutionSay.unavailable(result));
    return;
  }
  const { card, solution } = result;
  const embed = new EmbedBuilder().setTitle(`Solution — ${card.id}`).setColor(SOLUTION_COLOUR);
  const image = solution ? await cardImage(deps.renderer, solution, 'solution.png') : undefined;
  if (image?.ok) embed.setImage('attachment://solution.png');
  else embed.setDescription((solution ?? solutionSay.missing).slice(0, 4000));
  const flashcard = card.grading === 'self';
  const post = {
    content: flashcard ? flashcardSay.revealed(card, solution !== undefined) : solutionSay.intro(result),
    embeds: [embed],
    files: image?.ok ? [image.file] : [],
    components: [
      ...(flashcard ? [ratingButtonsFor(result.quiz.id)] : []),
      ...(solution
        ? [new ActionRowBuilder<ButtonBuilder>().addComponents(latexButtonFor('solution', card.id))]
        : []),
    ],
  };
  if (!result.public) {
    await interaction.editReply(post);
    return;
  }
  await interaction.editReply(solutionSay.postedPublicly);
  await interaction.followUp(post);
}
