import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { DiscordApiError, invalidBody, type ProtocolError } from './errors.ts';
import { isSnowflake } from './snowflake.ts';

/** A file part (`files[n]`) of a multipart request. */
export interface UploadedFile {
  /** The n of `files[n]`, which `attachments[].id` refers to. */
  index: number;
  filename: string;
  contentType: string | null;
  bytes: Buffer;
}

export interface RequestContext {
  method: string;
  /** The path after `/api/v10`, e.g. `/channels/1/messages`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body, or `payload_json` of a multipart body. */
  body: unknown;
  files: UploadedFile[];
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `/channels/:channelId/messages`; parameters match one URL-decoded segment. */
  pattern: string;
  /** Bot routes need `Authorization: Bot <token>`; interaction callbacks and webhooks with a token do not. */
  auth: boolean;
  handler: (ctx: RequestContext) => RouteResult | Promise<RouteResult>;
}

/** One request the fake answered. */
export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  at: Date;
}

const API_PREFIX = '/api/v10';

/** Validates with a schema, turning failures into Discord's 400 Invalid Form Body. */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  throw invalidBody(issues.join('; '), result.error.issues);
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = got[i] ?? '';
    if (segment.startsWith(':')) {
      if (!actual) return undefined;
      params[segment.slice(1)] = decodeURIComponent(actual);
    } else if (segment !== actual) return undefined;
  }
  return params;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseRequestBody(
  req: IncomingMessage,
  raw: Buffer,
): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) {
    try {
      return { body: JSON.parse(raw.toString('utf8')), files: [] };
    } catch {
      throw new DiscordApiError('body', 400, 50109, 'The request body contains invalid JSON.');
    }
  }
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: UploadedFile[] = [];
    let body: unknown;
    for (const [key, value] of form.entries()) {
      if (key === 'payload_json' && typeof value === 'string') {
        try {
          body = JSON.parse(value);
        } catch {
          throw invalidBody('payload_json is not JSON');
        }
        continue;
      }
      const index = /^files\[(\d+)\]$/.exec(key)?.[1];
      if (index === undefined || typeof value === 'string') throw invalidBody(`unexpected form field ${key}`);
      files.push({
        index: Number(index),
        filename: value.name,
        contentType: value.type || null,
        bytes: Buffer.from(await value.arrayBuffer()),
      });
    }
    return { body, files };
  }
  throw invalidBody(`unsupported content-type ${JSON.stringify(type)}`);
}

/** Routes requests to the table, answering anything off-table or malformed with Discord-style errors. */
export class Router {
  readonly requests: RequestRecord[] = [];

  constructor(
    private readonly routes: Route[],
    private readonly options: {
      token: string;
      recordError: (error: Omit<ProtocolError, 'at'>) => void;
      /** Non-API paths (the attachment CDN): a response, or undefined for 404. */
      serveStatic: (path: string) => { contentType: string; bytes: Buffer } | undefined;
    },
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://fake');
    const where = `${method} ${url.pathname}`;
    const send = (status: number, body?: unknown): void => {
      this.requests.push({ method, path: url.pathname, status, at: new Date() });
      if (status === 204 || body === undefined) {
        res.writeHead(status).end();
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    try {
      const raw = await readBody(req);
      if (!url.pathname.startsWith('/api/')) {
        const file = method === 'GET' ? this.options.serveStatic(url.pathname) : undefined;
        if (!file) throw new DiscordApiError('route', 404, 0, '404: Not Found');
        this.requests.push({ method, path: url.pathname, status: 200, at: new Date() });
        res.writeHead(200, { 'content-type': file.contentType }).end(file.bytes);
        return;
      }
      if (!url.pathname.startsWith(`${API_PREFIX}/`))
        throw new DiscordApiError('route', 404, 0, `404: Not Found (the fake speaks ${API_PREFIX} only)`);
      const path = url.pathname.slice(API_PREFIX.length);
      const candidates = this.routes.flatMap((route) => {
        const params = match(route.pattern, path);
        return params ? [{ route, params }] : [];
      });
      const found = candidates.find((c) => c.route.method === method);
      if (!found) {
        throw candidates.length
          ? new DiscordApiError('route', 405, 0, '405: Method Not Allowed')
          : new DiscordApiError('route', 404, 0, '404: Not Found');
      }
      if (found.route.auth && req.headers.authorization !== `Bot ${this.options.token}`)
        throw new DiscordApiError('auth', 401, 0, '401: Unauthorized');
      // Ids in paths must be snowflakes (`@original` and `@me` aside), as Discord checks them.
      for (const [name, value] of Object.entries(found.params)) {
        if (name.endsWith('Id') && !value.startsWith('@') && !isSnowflake(value)) {
          throw invalidBody(`${name}: value ${JSON.stringify(value)} is not snowflake`);
        }
      }
      const { body, files } = await parseRequestBody(req, raw);
      const result = await found.route.handler({
        method,
        path,
        params: found.params,
        query: url.searchParams,
        body,
        files,
      });
      send(result.status, result.body);
    } catch (error) {
      const apiError =
        error instanceof DiscordApiError
          ? error
          : new DiscordApiError(
              'state',
              500,
              0,
              `fake Discord crashed: ${(error as Error).stack ?? String(error)}`,
            );
      this.options.recordError({
        kind: apiError.kind,
        where,
        status: apiError.status,
        code: apiError.code,
        message: apiError.message,
        detail: apiError.detail,
      });
      send(apiError.status, {
        message: apiError.message,
        code: apiError.code,
        ...(apiError.detail ? { errors: apiError.detail } : {}),
      });
    }
  }
}
