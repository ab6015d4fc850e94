import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { nextHint } from '../../../app/index.ts';
import { hintSay } from '../messages.ts';
import { locationOf, userOf } from '../where.ts';
import type { SlashCommand } from './command.ts';

/** `/hint`: the next hint for the caller's current part, for their eyes only. */
export const hintCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('hint')
    .setDescription('The next hint for the part you are on (it lowers the points a little)')
    .setContexts(InteractionContextType.Guild),

  async execute(deps, interaction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const user = userOf(interaction);
    const result = await deps.perUser.run(user.id, () =>
      nextHint(deps.app, { ...locationOf(interaction), userId: user.id, displayName: user.displayName }),
    );
    await interaction.editReply(hintSay(result));
  },
};
