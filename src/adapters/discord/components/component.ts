import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { BotDeps } from '../deps.ts';

/**
 * A button or modal the bot made: its custom id is `<prefix>:<argument>` (a quiz id, a card id, a
 * choice), so that it still works after a restart without any state in memory.
 */
export interface ComponentHandler {
  readonly prefix: string;
  handle(
    deps: BotDeps,
    interaction: ButtonInteraction<'cached'> | ModalSubmitInteraction<'cached'>,
    argument: string,
  ): Promise<void>;
}
