import { EmbedBuilder, InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { viewProgress } from '../../../app/index.ts';
import { progressSay } from '../messages.ts';
import { userOf } from '../where.ts';
import type { SlashCommand } from './command.ts';

/** `/progress [user]`: solved cards, attempts, streak, mastery per tag, reviews due. */
export const progressCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('progress')
    .setDescription('Solved cards, attempts, streak, mastery per tag, reviews due')
    .setContexts(InteractionContextType.Guild)
    .addUserOption((o) => o.setName('user').setDescription('Someone else (default: you)')),

  async execute(deps, interaction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const target = interaction.options.getUser('user') ?? interaction.user;
    const viewed = await viewProgress(deps.app, {
      viewerId: interaction.user.id,
      userId: target.id,
      guildId: interaction.guildId,
    });
    if (viewed.kind === 'private') {
      await interaction.editReply(progressSay.private(target.id));
      return;
    }
    const { report } = viewed;
    const name =
      target.id === interaction.user.id
        ? userOf(interaction).displayName
        : (interaction.options.getMember('user')?.displayName ?? report.displayName ?? target.displayName);
    const embed = new EmbedBuilder()
      .setColor(0x57f287)
      .setTitle(progressSay.title(name))
      .setDescription(progressSay.summary(report))
      .addFields({ name: 'By tag', value: progressSay.tags(report).slice(0, 1024) });
    await interaction.editReply({ embeds: [embed] });
  },
};
