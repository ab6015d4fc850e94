import { MessageFlags, type Interaction } from 'discord.js';
import { COMMANDS } from '../commands/index.ts';
import { COMPONENTS } from '../components/index.ts';
import type { BotDeps } from '../deps.ts';
import { reportError } from '../reportError.ts';

const commands = new Map(COMMANDS.map((command) => [command.data.name, command]));
const components = new Map(COMPONENTS.map((component) => [component.prefix, component]));

/**
 * Routes an interaction to its command or component. Every handler acknowledges within Discord's
 * 3 s (at once, or by deferring before touching the database); a failure goes through the one
 * error path, which apologises with an error id.
 */
export async function onInteraction(deps: BotDeps, interaction: Interaction): Promise<void> {
  try {
    if (!interaction.inCachedGuild()) {
      if (interaction.isRepliable()) {
        await interaction.reply({
          content: 'gradquiz works inside a server.',
          flags: MessageFlags.Ephemeral,
        });
      }
      return;
    }
    if (interaction.isAutocomplete()) {
      await commands.get(interaction.commandName)?.autocomplete?.(deps, interaction);
    } else if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      if (!command) throw new Error(`unknown command /${interaction.commandName}`);
      await command.execute(deps, interaction);
    } else if (interaction.isButton() || interaction.isModalSubmit()) {
      const [prefix = '', ...rest] = interaction.customId.split(':');
      const component = components.get(prefix);
      if (!component) throw new Error(`unknown component ${interaction.customId}`);
      await component.handle(deps, interaction, rest.join(':'));
    }
  } catch (error) {
    if (interaction.isAutocomplete()) {
      deps.logger.warn({ err: error, command: interaction.commandName }, 'autocomplete failed');
      return;
    }
    await reportError(deps.logger, error, { interaction });
  }
}
