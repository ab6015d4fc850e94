import {
  AttachmentBuilder,
  EmbedBuilder,
  MessageFlags,
  type ChatInputCommandInteraction,
  type EmbedField,
} from 'discord.js';
import { stats, type StatsInput, type StatsReport } from '../../../app/index.ts';
import type { Card } from '../../../core/cards/card.ts';
import { chartAltText, type BarChart } from '../../render/index.ts';
import type { BotDeps } from '../deps.ts';
import { quizSay, statsSay } from '../messages.ts';
import { cardTitle } from '../quizPost.ts';
import { hardestParts, ratingsChart, solveRateChart, wrongAnswersChart } from './statsCharts.ts';

/** Parts and wrong answers listed in the embed; the chart shows a few more. */
const LISTED = 5;
const CHART_FILE = 'stats.png';

async function chartFile(deps: BotDeps, chart: BarChart): Promise<AttachmentBuilder | undefined> {
  if (!deps.renderer || chart.bars.length === 0) return undefined;
  const png = await deps.renderer.renderChartPng(chart, { theme: 'dark' });
  if (!png.ok) return undefined;
  return new AttachmentBuilder(png.value.png, { name: CHART_FILE, description: chartAltText(chart) });
}

/** A server's stats: the hardest parts, flashcard ratings, and solve rates as a chart. */
function serverEmbed(report: StatsReport, title: string): { embed: EmbedBuilder; chart: BarChart } {
  const fields: EmbedField[] = [];
  const hardest = hardestParts(report).slice(0, LISTED);
  if (hardest.length > 0)
    fields.push({
      name: statsSay.hardestTitle,
      value: hardest.map(statsSay.partLine).join('\n'),
      inline: false,
    });
  if (report.flashcards.length > 0)
    fields.push({
      name: statsSay.flashcardsTitle,
      value: report.flashcards.map(statsSay.ratingLine).join('\n').slice(0, 1024),
      inline: false,
    });
  const embed = new EmbedBuilder().setTitle(title).setDescription(statsSay.summary(report)).addFields(fields);
  return { embed, chart: solveRateChart(report, statsSay.solveRateChartTitle) };
}

/** One card's stats: each part's numbers and its most common wrong answers, the groups as a chart. */
function cardEmbed(report: StatsReport, card: Card, title: string): { embed: EmbedBuilder; chart: BarChart } {
  const fields: EmbedField[] = report.parts.flatMap((part) => [
    { name: statsSay.partTitle(part.part), value: statsSay.partNumbers(part), inline: false },
    ...(part.wrongGroups.length > 0
      ? [
          {
            name: statsSay.wrongTitle(part.part),
            value: part.wrongGroups.slice(0, LISTED).map(statsSay.wrongLine).join('\n').slice(0, 1024),
            inline: false,
          },
        ]
      : []),
  ]);
  const spread = report.flashcards.find((f) => f.card === card.id);
  if (spread)
    fields.push({ name: statsSay.flashcardsTitle, value: statsSay.ratingLine(spread), inline: false });
  const embed = new EmbedBuilder()
    .setTitle(title)
    .setDescription(statsSay.summary(report))
    .addFields(fields.slice(0, 25));
  const chart = spread
    ? ratingsChart(spread.ratings, statsSay.ratingsChartTitle(card.id))
    : wrongAnswersChart(report, card, statsSay.wrongChartTitle(card.id));
  return { embed, chart };
}

/** `/quizadmin stats [card] [period]` — item analysis for this server, privately, with a chart. */
export async function statsCommand(
  deps: BotDeps,
  interaction: ChatInputCommandInteraction<'cached'>,
): Promise<void> {
  const cardId = interaction.options.getString('card') ?? undefined;
  const period = (interaction.options.getString('period') ?? 'week') as StatsInput['period'];
  const card = cardId !== undefined ? deps.app.catalog.get(cardId) : undefined;
  if (cardId !== undefined && !card) {
    await interaction.reply({
      content: quizSay.failed({ kind: 'unknown_card', cardId }),
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const result = await stats(deps.app, {
    guildId: interaction.guildId,
    period,
    ...(cardId !== undefined ? { cardId } : {}),
  });
  // `since` comes from a choice list here; a bad date is the CLI's concern.
  if (result.kind !== 'stats') throw new Error(`stats refused ${result.since}`);
  const { report } = result;
  if (report.parts.length === 0 && report.flashcards.length === 0) {
    await interaction.editReply(statsSay.nothing(report, card ? cardTitle(card) : undefined));
    return;
  }
  const title = statsSay.title(report, card ? cardTitle(card) : undefined);
  const { embed, chart } = card ? cardEmbed(report, card, title) : serverEmbed(report, title);
  const file = await chartFile(deps, chart);
  if (file) embed.setImage(`attachment://${CHART_FILE}`);
  await interaction.editReply({ embeds: [embed], files: file ? [file] : [] });
}
