import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { nextStep, submitStep } from '../../../app/index.ts';
import { printExpr } from '../../../core/expr/print.ts';
import { stepSay } from '../messages.ts';
import { locationOf, userOf } from '../where.ts';
import { MAX_ANSWER_LENGTH } from './answer.ts';
import type { SlashCommand } from './command.ts';

/** `/step [answer]`: the next intermediate derivative of the caller's current part, or an answer to it. */
export const stepCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('step')
    .setDescription('Walk the chain rule one derivative at a time (privately, no points)')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) =>
      o
        .setName('answer')
        .setDescription('Your answer to the current step, e.g. y/yhat - (1-y)/(1-yhat)')
        .setMaxLength(MAX_ANSWER_LENGTH),
    ),

  async execute(deps, interaction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const user = userOf(interaction);
    const answer = interaction.options.getString('answer');
    if (answer === null) {
      const result = await nextStep(deps.app, { ...locationOf(interaction), userId: user.id });
      await interaction.editReply(
        result.kind === 'step'
          ? stepSay.step(result, printExpr(result.step.expr))
          : stepSay.elsewhere(result),
      );
      return;
    }
    const result = await deps.perUser.run(user.id, () =>
      submitStep(deps.app, {
        ...locationOf(interaction),
        externalId: `discord:interaction:${interaction.id}`,
        user,
        input: answer,
      }),
    );
    await interaction.editReply(
      result.kind === 'graded' ? stepSay.graded(result) : stepSay.elsewhere(result),
    );
  },
};
