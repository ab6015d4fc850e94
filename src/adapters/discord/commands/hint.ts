import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { nextHint, nextStep } from '../../../app/index.ts';
import { printExpr } from '../../../core/expr/print.ts';
import { hintSay, stepSay } from '../messages.ts';
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
    if (result.kind !== 'no_more_hints') {
      await interaction.editReply(hintSay(result));
      return;
    }
    // The card's own hints are used up: the derivation's next step is the next nudge.
    const step = await nextStep(deps.app, { ...locationOf(interaction), userId: user.id });
    await interaction.editReply(
      step.kind === 'step'
        ? `${hintSay(result)}\n\n${stepSay.step(step, printExpr(step.step.expr))}`
        : hintSay(result),
    );
  },
};
