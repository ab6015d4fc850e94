import {
  EmbedBuilder,
  MessageFlags,
  type AttachmentBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Card } from '../../../core/cards/card.ts';
import { cardImage } from '../cardImage.ts';
import type { BotDeps } from '../deps.ts';
import { adminSay, quizSay } from '../messages.ts';

/** What an admin checks of a card: each part's answer and rules, or why it is a flashcard. */
function partLines(card: Card): string {
  if (card.grading === 'self') return adminSay.flashcard(card);
  return card.parts
    .map((part) => {
      const rules = [
        part.require.length ? `require ${part.require.join(', ')}` : '',
        part.forbid.length ? `forbid ${part.forbid.join(', ')}` : '',
        part.sign === 'either' ? 'either sign' : '',
      ].filter(Boolean);
      return `**${part.label}.** ${part.prompt}\nanswer \`${part.answerSource}\`${rules.length ? ` (${rules.join('; ')})` : ''} · ${part.hints.length} hints · ${part.mistakes.length} known mistakes`;
    })
    .join('\n')
    .slice(0, 4000);
}

/** `/quizadmin preview card:` — the card as students will see it, with its answers, privately. */
export async function previewCard(
  deps: BotDeps,
  interaction: ChatInputCommandInteraction<'cached'>,
): Promise<void> {
  const cardId = interaction.options.getString('card', true);
  const card = deps.app.catalog.get(cardId);
  if (!card) {
    await interaction.reply({
      content: quizSay.failed({ kind: 'unknown_card', cardId }),
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const files: AttachmentBuilder[] = [];
  const section = async (title: string, markdown: string | undefined, name: string) => {
    const embed = new EmbedBuilder().setTitle(title);
    const image = markdown ? await cardImage(deps.renderer, markdown, name) : undefined;
    if (image?.ok) {
      files.push(image.file);
      return embed.setImage(`attachment://${name}`);
    }
    return embed.setDescription(
      (markdown ?? '—').slice(0, 4000) + (image && !image.ok ? `\n\n${quizSay.noImage(image.message)}` : ''),
    );
  };
  const embeds = [
    await section(`Question — ${card.id}`, card.question, 'question.png'),
    (await section('Solution', card.solution, 'solution.png')).addFields({
      name: card.grading === 'self' ? 'Grading' : 'Parts',
      value: partLines(card) || '—',
    }),
  ];
  await interaction.editReply({ content: adminSay.previewOf(card), embeds, files });
}
