import type { ClientOptions } from 'discord.js';

/**
 * Where the client's REST requests go: the REST proxy when one is set (several processes share
 * Discord's limits through it), else DISCORD_API_URL, else Discord itself.
 */
export function restOptions(config: {
  readonly GRADQUIZ_REST_PROXY?: string | undefined;
  readonly DISCORD_API_URL?: string | undefined;
}): Partial<ClientOptions> {
  const api = config.GRADQUIZ_REST_PROXY ?? config.DISCORD_API_URL;
  return api ? { rest: { api } } : {};
}
