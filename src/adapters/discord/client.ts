import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';

/**
 * The intents gradquiz asks for: guilds (channels, threads, roles), guild messages and their content
 * (answers typed in quiz threads; Message Content is privileged and must be enabled in the portal).
 */
const BOT_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
] as const;

/**
 * The bot's discord.js client. `options` are merged over the defaults, so tests can point `rest` at
 * a fake Discord. `Partials.Message` lets an edit of a message sent before a restart (not in the
 * cache) still reach the bot, to be graded again.
 */
export function createClient(options: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: [...BOT_INTENTS],
    partials: [Partials.Message],
    // Nobody is pinged by the bot unless a message says otherwise.
    allowedMentions: { parse: [] },
    ...options,
  });
}
