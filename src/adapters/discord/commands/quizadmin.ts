import {
  ChannelType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type SlashCommandChannelOption,
  type SlashCommandStringOption,
} from 'discord.js';
import { resetMember } from '../../../app/index.ts';
import { guildSettings } from '../admin/guildSettings.ts';
import { exportCsv } from '../admin/exportCsv.ts';
import { previewCard } from '../admin/preview.ts';
import { statsCommand } from '../admin/stats.ts';
import type { BotDeps } from '../deps.ts';
import { adminSay } from '../messages.ts';
import { cardChoices, timeZoneChoices } from './choices.ts';
import type { SlashCommand } from './command.ts';

type Handler = (deps: BotDeps, interaction: ChatInputCommandInteraction<'cached'>) => Promise<void>;

async function reload(deps: BotDeps, interaction: ChatInputCommandInteraction<'cached'>): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const report = await deps.reloadCards();
  await interaction.editReply(
    adminSay.reloaded({
      cards: report.cards,
      added: report.sync.added.length,
      updated: report.sync.updated.length,
      retired: report.sync.retired.length,
      broken: report.broken.map((b) => `${b.file}: ${b.message}`),
    }),
  );
}

async function reset(deps: BotDeps, interaction: ChatInputCommandInteraction<'cached'>): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const user = interaction.options.getUser('user', true);
  const { attempts } = await deps.perUser.run(user.id, () =>
    resetMember(deps.app, { guildId: interaction.guildId, userId: user.id }),
  );
  await interaction.editReply(adminSay.reset(user.id, attempts));
}

/** Handlers by `group subcommand` (or `subcommand`). */
const HANDLERS: Record<string, Handler> = {
  reload,
  preview: previewCard,
  'daily set': guildSettings.dailySet,
  'daily off': guildSettings.dailyOff,
  timezone: guildSettings.timeZone,
  'channels add': guildSettings.channels,
  'channels remove': guildSettings.channels,
  'channels list': guildSettings.channels,
  hide: guildSettings.hide,
  reset,
  stats: statsCommand,
  'export attempts': exportCsv,
  'export grades': exportCsv,
};

const sinceOption = (o: SlashCommandStringOption) =>
  o.setName('since').setDescription('From this date on (YYYY-MM-DD, server time zone); default: everything');

const textChannel = (o: SlashCommandChannelOption, description: string) =>
  o.setName('channel').setDescription(description).setRequired(true).addChannelTypes(ChannelType.GuildText);

/**
 * `/quizadmin …` for members with Manage Server: hidden from the others by Discord
 * (default member permissions) and refused at run time too, since a server may override the
 * default in its integration settings.
 */
export const quizadminCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('quizadmin')
    .setDescription('Server settings for gradquiz (Manage Server)')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) => s.setName('reload').setDescription('Reload the cards from the seeds folder'))
    .addSubcommand((s) =>
      s
        .setName('preview')
        .setDescription('See a card with its answers, privately')
        .addStringOption((o) =>
          o.setName('card').setDescription('The card').setRequired(true).setAutocomplete(true),
        ),
    )
    .addSubcommandGroup((g) =>
      g
        .setName('daily')
        .setDescription('A quiz posted every day')
        .addSubcommand((s) =>
          s
            .setName('set')
            .setDescription('Post a quiz every day in a channel at a time (server time zone)')
            .addChannelOption((o) => textChannel(o, 'Where to post it'))
            .addStringOption((o) =>
              o.setName('time').setDescription('24-hour HH:MM, e.g. 09:30').setRequired(true),
            ),
        )
        .addSubcommand((s) => s.setName('off').setDescription('Stop the daily quiz')),
    )
    .addSubcommand((s) =>
      s
        .setName('timezone')
        .setDescription("The server's time zone (leaderboard weeks and months, the daily quiz)")
        .addStringOption((o) =>
          o
            .setName('zone')
            .setDescription('An IANA zone, e.g. Europe/Prague')
            .setRequired(true)
            .setAutocomplete(true),
        ),
    )
    .addSubcommandGroup((g) =>
      g
        .setName('channels')
        .setDescription('Where quizzes may be posted (everywhere until restricted)')
        .addSubcommand((s) =>
          s
            .setName('add')
            .setDescription('Allow quizzes in a channel')
            .addChannelOption((o) => textChannel(o, 'The channel')),
        )
        .addSubcommand((s) =>
          s
            .setName('remove')
            .setDescription('Stop allowing quizzes in a channel')
            .addChannelOption((o) => textChannel(o, 'The channel')),
        )
        .addSubcommand((s) => s.setName('list').setDescription('The channels where quizzes are allowed')),
    )
    .addSubcommand((s) =>
      s
        .setName('hide')
        .setDescription('How correct answers in threads are hidden')
        .addStringOption((o) =>
          o
            .setName('mode')
            .setDescription('delete: removed after grading; spoiler: kept, students use ||spoilers||')
            .setRequired(true)
            .addChoices({ name: 'delete', value: 'delete' }, { name: 'spoiler', value: 'spoiler' }),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('reset')
        .setDescription("Delete a member's answers and points in this server (their progress stays)")
        .addUserOption((o) => o.setName('user').setDescription('The member').setRequired(true)),
    )
    .addSubcommand((s) =>
      s
        .setName('stats')
        .setDescription('Which cards students fail and the wrong answers they share, privately (no names)')
        .addStringOption((o) =>
          o.setName('card').setDescription('One card: its parts and wrong answers').setAutocomplete(true),
        )
        .addStringOption((o) =>
          o
            .setName('period')
            .setDescription('Default: this week')
            .addChoices(
              { name: 'this week', value: 'week' },
              { name: 'this month', value: 'month' },
              { name: 'all time', value: 'all' },
            ),
        ),
    )
    .addSubcommandGroup((g) =>
      g
        .setName('export')
        .setDescription("This server's data as CSV, privately (names students: keep it private)")
        .addSubcommand((s) =>
          s.setName('attempts').setDescription('One row per answer').addStringOption(sinceOption),
        )
        .addSubcommand((s) =>
          s
            .setName('grades')
            .setDescription('One row per student, for a gradebook')
            .addStringOption(sinceOption),
        ),
    ),

  async execute(deps, interaction) {
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
      await interaction.reply({ content: adminSay.notAllowed, flags: MessageFlags.Ephemeral });
      return;
    }
    const group = interaction.options.getSubcommandGroup(false);
    const key = [group, interaction.options.getSubcommand()].filter(Boolean).join(' ');
    const handler = HANDLERS[key];
    if (!handler) throw new Error(`no handler for /quizadmin ${key}`);
    await handler(deps, interaction);
  },

  async autocomplete(deps, interaction) {
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) return interaction.respond([]);
    const focused = interaction.options.getFocused(true);
    await interaction.respond(
      focused.name === 'zone' ? timeZoneChoices(focused.value) : cardChoices(deps.app.catalog, focused.value),
    );
  },
};
