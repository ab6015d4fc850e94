import { ActionRow, ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import { rateCard } from '../../../app/index.ts';
import type { ReviewRating } from '../../../core/scoring/index.ts';
import { flashcardSay, RATING_LABELS } from '../messages.ts';
import { locationOf, userOf } from '../where.ts';
import type { ComponentHandler } from './component.ts';

const RATE_BUTTON = 'rate';

const RATINGS: readonly ReviewRating[] = [1, 2, 3, 4];

/** Red for a lapse, green for a good recall: the colours Anki students know. */
const RATING_STYLES: Readonly<Record<ReviewRating, ButtonStyle>> = {
  1: ButtonStyle.Danger,
  2: ButtonStyle.Secondary,
  3: ButtonStyle.Success,
  4: ButtonStyle.Primary,
};

/** The four rating buttons under a revealed flashcard: `rate:<quizId>:<1-4>`. */
export const ratingButtonsFor = (quizId: string) =>
  new ActionRowBuilder<ButtonBuilder>().addComponents(
    RATINGS.map((rating) =>
      new ButtonBuilder()
        .setCustomId(`${RATE_BUTTON}:${quizId}:${rating}`)
        .setLabel(RATING_LABELS[rating])
        .setStyle(RATING_STYLES[rating]),
    ),
  );

const isRating = (value: number): value is ReviewRating => (RATINGS as readonly number[]).includes(value);

/**
 * A rating click: one `self_rated` attempt and an FSRS review, recorded under the interaction's id
 * (a redelivered click counts once). The revealed solution stays; the rating buttons give way to
 * what was recorded and when the card comes back, so one reveal is one rating.
 */
export const rateButton: ComponentHandler = {
  prefix: RATE_BUTTON,
  async handle(deps, interaction, argument) {
    if (!interaction.isButton()) return;
    const split = argument.lastIndexOf(':');
    const quizId = argument.slice(0, split);
    const rating = Number(argument.slice(split + 1));
    if (split <= 0 || !isRating(rating)) throw new Error(`not a rating button: ${interaction.customId}`);
    await interaction.deferUpdate();
    const user = userOf(interaction);
    const result = await deps.perUser.run(user.id, () =>
      rateCard(deps.app, {
        ...locationOf(interaction, quizId),
        externalId: `discord:interaction:${interaction.id}`,
        user,
        rating,
      }),
    );
    const others = interaction.message.components.filter(
      (row) =>
        !(
          row instanceof ActionRow &&
          row.components.some((button) => button.customId?.startsWith(`${RATE_BUTTON}:`))
        ),
    );
    await interaction.editReply({ content: flashcardSay.rateResult(result), components: others });
  },
};
