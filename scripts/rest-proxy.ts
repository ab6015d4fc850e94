// `npm run rest-proxy`: the REST proxy that several bot processes share (GRADQUIZ_REST_PROXY on each
// bot), listening on GRADQUIZ_REST_PROXY_HOST:GRADQUIZ_REST_PROXY_PORT and forwarding to Discord (or to
// DISCORD_API_URL). It holds no token: each bot's request carries its own Authorization header.
import { startRestProxy } from '../src/adapters/discord/restProxy.ts';
import { loadConfig } from '../src/config.ts';

const loaded = loadConfig();
if (!loaded.ok) {
  process.stderr.write(`rest-proxy: ${loaded.message}\n`);
  process.exit(2);
}
const { config } = loaded;
const proxy = await startRestProxy({
  port: config.GRADQUIZ_REST_PROXY_PORT,
  host: config.GRADQUIZ_REST_PROXY_HOST,
  ...(config.DISCORD_API_URL ? { upstream: config.DISCORD_API_URL } : {}),
});
process.stdout.write(`rest-proxy: listening at ${proxy.url}\n`);
const stop = () => void proxy.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
