import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { proxyRequests } from '@discordjs/proxy';
import { REST } from 'discord.js';

/** A running REST proxy: its base URL for the bots' `rest.api`, and how many requests it has passed on. */
export interface RestProxy {
  readonly url: string;
  readonly requests: number;
  close(): Promise<void>;
}

export interface RestProxyOptions {
  /** Discord's API (default) or a test server's. */
  readonly upstream?: string;
  readonly port: number;
  readonly host?: string;
  /** The proxy's own global limit (Discord's 50/s by default; tests raise it). */
  readonly globalRequestsPerSecond?: number;
}

/**
 * `@discordjs/proxy` over one `@discordjs/rest` queue: every bot process sends its REST requests here
 * (GRADQUIZ_REST_PROXY), so the rate-limit buckets are counted once for all of them. A limit hit is
 * passed back as a 429 with Retry-After, which each bot's own client waits out.
 */
export async function startRestProxy(options: RestProxyOptions): Promise<RestProxy> {
  const rest = new REST({
    rejectOnRateLimit: () => true,
    retries: 0,
    ...(options.upstream ? { api: options.upstream } : {}),
    ...(options.globalRequestsPerSecond ? { globalRequestsPerSecond: options.globalRequestsPerSecond } : {}),
  });
  const handle = proxyRequests(rest);
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    Promise.resolve(handle(req, res)).catch(() => {
      // Not an answer from Discord (the upstream is unreachable): a gateway error, never a crash.
      if (!res.headersSent) res.statusCode = 502;
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/api`,
    get requests() {
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
