import { EmbedBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { leaderboard, type LeaderboardScope } from '../../../app/index.ts';
import type { LeaderboardPeriod } from '../../../core/scoring/index.ts';
import { leaderboardSay } from '../messages.ts';
import type { SlashCommand } from './command.ts';

/** `/leaderboard [period] [scope]`: the top 10 and the caller's rank (default: this week, the server). */
export const leaderboardCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('leaderboard')
    .setDescription('The top 10 and your own rank')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) =>
      o
        .setName('period')
        .setDescription('Which points count (default: this week)')
        .addChoices(
          { name: 'this week', value: 'week' },
          { name: 'this month', value: 'month' },
          { name: 'all time', value: 'all' },
        ),
    )
    .addStringOption((o) =>
      o
        .setName('scope')
        .setDescription('Where (default: the whole server)')
        .addChoices({ name: 'server', value: 'server' }, { name: 'this channel', value: 'channel' }),
    ),

  async execute(deps, interaction) {
    await interaction.deferReply();
    const channel = interaction.channel;
    const result = await leaderboard(deps.app, {
      guildId: interaction.guildId,
      // In a quiz thread, "this channel" is the channel the quiz was posted in.
      channelId: channel?.isThread() ? (channel.parentId ?? channel.id) : interaction.channelId,
      userId: interaction.user.id,
      period: (interaction.options.getString('period') ?? undefined) as LeaderboardPeriod | undefined,
      scope: (interaction.options.getString('scope') ?? undefined) as LeaderboardScope | undefined,
    });
    const embed = new EmbedBuilder()
      .setColor(0xfee75c)
      .setTitle(leaderboardSay.title(result))
      .setDescription(leaderboardSay.lines(result))
      .addFields({ name: 'Your rank', value: leaderboardSay.me(result) })
      .setFooter({ text: leaderboardSay.footer(result) });
    await interaction.editReply({ embeds: [embed] });
  },
};
