/**
 * `npm run commands`: registers the bot's slash commands — in the guild DISCORD_GUILD_ID when it is
 * set (instant, for development), else globally (Discord may take a while to show them). The
 * application id comes from the token, through the REST API at DISCORD_API_URL.
 */
import { REST, Routes, type APIApplication, type APIUser } from 'discord.js';
import { COMMANDS } from '../src/adapters/discord/commands/index.ts';
import { loadConfig } from '../src/config.ts';

const loaded = loadConfig();
if (!loaded.ok) {
  process.stderr.write(`commands: ${loaded.message}\n`);
  process.exit(2);
}
const { DISCORD_TOKEN: token, DISCORD_API_URL: api, DISCORD_GUILD_ID: guildId } = loaded.config;
if (!token) {
  process.stderr.write('commands: DISCORD_TOKEN is not set (see .env.example)\n');
  process.exit(2);
}

const rest = new REST(api ? { api } : {}).setToken(token);

/** The application behind the token; a bot user's id is its application's id when the first lookup is not allowed. */
async function applicationId(): Promise<string> {
  try {
    return ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  } catch {
    return ((await rest.get(Routes.user())) as APIUser).id;
  }
}

try {
  const appId = await applicationId();
  const body = COMMANDS.map((command) => command.data.toJSON());
  const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
  const saved = (await rest.put(route, { body })) as unknown[];
  const names = COMMANDS.map((command) => `/${command.data.name}`).join(' ');
  process.stdout.write(
    guildId
      ? `Registered ${saved.length} commands in guild ${guildId}: ${names}\n`
      : `Registered ${saved.length} commands globally (they may take a while to appear): ${names}\n`,
  );
} catch (error) {
  process.stderr.write(`commands: registration failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
