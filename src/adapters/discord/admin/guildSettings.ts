import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { isTimeZone } from '../../../core/scoring/index.ts';
import {
  allowChannel,
  getGuildSettings,
  parseTimeOfDay,
  updateGuildSettings,
  type GuildPatch,
} from '../../../app/index.ts';
import type { BotDeps } from '../deps.ts';
import { adminSay } from '../messages.ts';

type Admin = ChatInputCommandInteraction<'cached'>;

/** Refusals that need no database are answered at once; the rest defers first. */
async function refuse(interaction: Admin, content: string): Promise<void> {
  await interaction.reply({ content, flags: MessageFlags.Ephemeral });
}

async function save(deps: BotDeps, interaction: Admin, patch: GuildPatch) {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  return updateGuildSettings(deps.app, interaction.guildId, patch);
}

/** The server settings behind `/quizadmin daily|timezone|channels|hide`. */
export const guildSettings = {
  async dailySet(deps: BotDeps, interaction: Admin) {
    const channel = interaction.options.getChannel('channel', true);
    const time = parseTimeOfDay(interaction.options.getString('time', true));
    if (time === undefined)
      return refuse(interaction, adminSay.badTime(interaction.options.getString('time', true)));
    const saved = await save(deps, interaction, { dailyChannelId: channel.id, dailyTime: time });
    await interaction.editReply(adminSay.dailySet(channel.id, time, saved.timeZone));
  },

  async dailyOff(deps: BotDeps, interaction: Admin) {
    await save(deps, interaction, { dailyChannelId: null, dailyTime: null });
    await interaction.editReply(adminSay.dailyOff);
  },

  async timeZone(deps: BotDeps, interaction: Admin) {
    const zone = interaction.options.getString('zone', true).trim();
    if (!isTimeZone(zone)) return refuse(interaction, adminSay.badZone(zone));
    await save(deps, interaction, { timeZone: zone });
    await interaction.editReply(adminSay.timeZone(zone));
  },

  async channels(deps: BotDeps, interaction: Admin) {
    const action = interaction.options.getSubcommand();
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    if (action === 'list') {
      const { allowedChannels } = await getGuildSettings(deps.app, interaction.guildId);
      await interaction.editReply(adminSay.channels(allowedChannels));
      return;
    }
    const saved = await allowChannel(deps.app, {
      guildId: interaction.guildId,
      channelId: interaction.options.getChannel('channel', true).id,
      allowed: action === 'add',
    });
    await interaction.editReply(adminSay.channels(saved.allowedChannels));
  },

  async hide(deps: BotDeps, interaction: Admin) {
    const mode = interaction.options.getString('mode', true) === 'spoiler' ? 'spoiler' : 'delete';
    await save(deps, interaction, { hideMode: mode });
    await interaction.editReply(adminSay.hide(mode));
  },
};
