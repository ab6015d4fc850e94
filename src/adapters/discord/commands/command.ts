import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotDeps } from '../deps.ts';

/** One slash command: its definition (registered by `npm run commands`) and what it does. */
export interface SlashCommand {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(deps: BotDeps, interaction: ChatInputCommandInteraction<'cached'>): Promise<void>;
  autocomplete?(deps: BotDeps, interaction: AutocompleteInteraction<'cached'>): Promise<void>;
}
