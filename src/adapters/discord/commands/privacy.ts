import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
} from 'discord.js';
import { setLeaderboardVisibility } from '../../../app/index.ts';
import { DELETE_DATA_BUTTON } from '../components/deleteDataButton.ts';
import { privacySay } from '../messages.ts';
import { userOf } from '../where.ts';
import type { SlashCommand } from './command.ts';

/** `/privacy leaderboard show:on|off` and `/privacy delete` (after a confirmation). */
export const privacyCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('privacy')
    .setDescription('Your data: the leaderboards, deletion')
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('leaderboard')
        .setDescription('Leave or rejoin the leaderboards (your points still count)')
        .addStringOption((o) =>
          o
            .setName('show')
            .setDescription('Show me on the leaderboards')
            .setRequired(true)
            .addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' }),
        ),
    )
    .addSubcommand((s) => s.setName('delete').setDescription('Delete all my answers, progress and points')),

  async execute(deps, interaction) {
    if (interaction.options.getSubcommand() === 'delete') {
      const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder()
          .setCustomId(`${DELETE_DATA_BUTTON}:yes`)
          .setLabel('Delete my data')
          .setStyle(ButtonStyle.Danger),
        new ButtonBuilder()
          .setCustomId(`${DELETE_DATA_BUTTON}:no`)
          .setLabel('Cancel')
          .setStyle(ButtonStyle.Secondary),
      );
      await interaction.reply({
        content: privacySay.confirmDelete,
        components: [buttons],
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const visible = interaction.options.getString('show', true) === 'on';
    await setLeaderboardVisibility(deps.app, userOf(interaction), visible);
    await interaction.editReply(privacySay.visible(visible));
  },
};
