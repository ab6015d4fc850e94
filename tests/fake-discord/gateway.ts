import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayIntentBits } from 'discord.js';
import { WebSocket, WebSocketServer } from 'ws';
import type { ProtocolError } from './errors.ts';
import { guildCreatePayload, userPayload } from './payloads.ts';
import { shardOf } from '../../src/core/sharding/shardOf.ts';
import { nextSnowflake } from './snowflake.ts';
import type { State } from './state.ts';

/** One dispatch (op 0) the fake sent, before per-session filtering. */
export interface DispatchRecord {
  t: string;
  d: Record<string, unknown>;
  at: Date;
}

/** One IDENTIFY the fake accepted. */
export interface IdentifyRecord {
  intents: number;
  /** `[shard_id, shard_count]` as identified (`[0, 1]` when the client sent none). */
  shard: readonly [number, number];
  at: Date;
}

interface Session {
  id: string;
  ws: WebSocket | null;
  seq: number;
  intents: number;
  readonly shard: readonly [number, number];
  /** Every frame sent, so a RESUME can replay what the client missed. */
  sent: { s: number; frame: string }[];
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** Privileged intents the application may use (others close the connection with 4014, like Discord). */
  privilegedIntents: number;
  /** The shard count `/gateway/bot` recommends: an IDENTIFY with fewer shards is closed with 4011. */
  shards: number;
  recordError: (error: Omit<ProtocolError, 'at'>) => void;
  wsUrl: () => string;
}

const PRIVILEGED =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
const ALL_INTENTS = Object.values(GatewayIntentBits)
  .filter((v): v is number => typeof v === 'number')
  .reduce((all, bit) => all | bit, 0);

/** The intent a dispatch needs; undefined for events every session gets (READY, INTERACTION_CREATE, …). */
function requiredIntent(t: string): number | undefined {
  if (t.startsWith('MESSAGE_REACTION_')) return GatewayIntentBits.GuildMessageReactions;
  if (t.startsWith('MESSAGE_')) return GatewayIntentBits.GuildMessages;
  if (/^(GUILD_(CREATE|UPDATE|DELETE|ROLE_)|CHANNEL_|THREAD_)/.test(t)) return GatewayIntentBits.Guilds;
  return undefined;
}

/** The guild a dispatch is about (a GUILD_* event's own id), or undefined for DMs and the like. */
function guildOfDispatch(t: string, d: Record<string, unknown>): string | undefined {
  if (typeof d.guild_id === 'string') return d.guild_id;
  return /^GUILD_(CREATE|UPDATE|DELETE)$/.test(t) && typeof d.id === 'string' ? d.id : undefined;
}

/**
 * The gateway v10 (JSON, uncompressed): sessions, heartbeats, READY and GUILD_CREATE, RESUME,
 * dispatches. Sharded like Discord: a session identifies as `[shard_id, shard_count]` and gets only
 * the guilds, and the guild events, of its shard (`shardOf`); events of no guild go to shard 0.
 */
export class Gateway {
  readonly dispatches: DispatchRecord[] = [];
  readonly identifies: IdentifyRecord[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readyWaiters: { count: number; resolve: () => void }[] = [];

  constructor(
    private readonly state: State,
    private readonly options: GatewayOptions,
  ) {
    this.wss.on('connection', (ws) => this.onConnection(ws));
  }

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (url.pathname !== '/gateway') {
        this.options.recordError({
          kind: 'gateway',
          where: `upgrade ${url.pathname}`,
          status: 404,
          code: 0,
          message: 'No gateway here',
        });
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        const problem =
          url.searchParams.get('v') !== '10'
            ? ([4012, 'Invalid API version'] as const)
            : url.searchParams.get('encoding') !== 'json' || url.searchParams.has('compress')
              ? ([4002, 'Only encoding=json without compression is supported'] as const)
              : undefined;
        if (problem) return this.reject(ws, 'connect', problem[0], `${problem[1]}: ${url.search}`);
        this.wss.emit('connection', ws, req);
      });
    });
  }

  /** How many READY events were sent (one per IDENTIFY). */
  get readyCount(): number {
    return this.identifies.length;
  }

  /** Resolves once `count` READYs in total have been sent. */
  waitForReady(count: number, timeoutMs: number): Promise<void> {
    if (this.readyCount >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`fake Discord: READY #${count} not reached within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.readyWaiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Sends a dispatch to every session whose intents want it; returns the record for `redeliver`. */
  dispatch(t: string, d: Record<string, unknown>): DispatchRecord {
    const record = { t, d, at: new Date() };
    this.dispatches.push(record);
    const guildId = guildOfDispatch(t, d);
    for (const session of this.sessions.values())
      if (this.owns(session.shard, guildId)) this.sendDispatch(session, t, d);
    return record;
  }

  /** Closes every client connection with `code` (4000 lets discord.js RESUME). */
  disconnectAll(code: number): void {
    for (const session of this.sessions.values()) session.ws?.close(code, 'fake Discord: disconnect');
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    let session: Session | undefined;
    this.send(ws, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
    ws.on('message', (raw) => {
      let frame: { op?: unknown; d?: unknown };
      try {
        frame = JSON.parse(raw.toString()) as typeof frame;
      } catch {
        return this.reject(ws, 'frame', 4002, 'Decode error: not JSON');
      }
      const d = (frame.d ?? {}) as Record<string, unknown>;
      switch (frame.op) {
        case 1:
          return this.send(ws, { op: 11 });
        case 2:
          if (session) return this.reject(ws, 'op 2', 4005, 'Already authenticated');
          session = this.identify(ws, d);
          return;
        case 6:
          if (session) return this.reject(ws, 'op 6', 4005, 'Already authenticated');
          session = this.resume(ws, d);
          return;
        case 3:
        case 4:
          if (!session) return this.reject(ws, `op ${frame.op}`, 4003, 'Not authenticated');
          return;
        case 8:
          if (!session) return this.reject(ws, 'op 8', 4003, 'Not authenticated');
          return this.membersChunk(session, d);
        default:
          return this.reject(ws, `op ${String(frame.op)}`, 4001, 'Unknown opcode');
      }
    });
    ws.on('close', (code) => {
      if (!session || session.ws !== ws) return;
      session.ws = null;
      // A normal close ends the session, as with Discord; anything else leaves it resumable.
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    });
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): Session | undefined {
    if (d.token !== this.options.token) {
      this.reject(ws, 'op 2', 4004, 'Authentication failed');
      return undefined;
    }
    const intents = d.intents;
    if (typeof intents !== 'number' || (intents & ~ALL_INTENTS) !== 0) {
      this.reject(ws, 'op 2', 4013, `Invalid intent(s): ${String(intents)}`);
      return undefined;
    }
    const denied = intents & PRIVILEGED & ~this.options.privilegedIntents;
    if (denied) {
      this.reject(ws, 'op 2', 4014, `Disallowed privileged intent(s): ${denied}`);
      return undefined;
    }
    const shard = this.shardOfIdentify(ws, d.shard);
    if (!shard) return undefined;
    const session: Session = { id: nextSnowflake(), ws, seq: 0, intents, shard, sent: [] };
    this.sessions.set(session.id, session);
    this.identifies.push({ intents, shard, at: new Date() });
    const guilds = [...this.state.guilds.values()].filter((guild) => this.owns(shard, guild.id));
    this.sendDispatch(session, 'READY', {
      v: 10,
      user: { ...userPayload(this.state.bot), verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.wsUrl(),
      shard,
      application: { id: this.state.applicationId, flags: 0 },
      private_channels: [],
    });
    for (const guild of guilds)
      this.sendDispatch(session, 'GUILD_CREATE', guildCreatePayload(this.state, guild));
    for (const waiter of this.readyWaiters.filter((w) => this.readyCount >= w.count)) waiter.resolve();
    this.readyWaiters = this.readyWaiters.filter((w) => this.readyCount < w.count);
    return session;
  }

  /** `[shard_id, shard_count]` of an IDENTIFY, checked as Discord does (4010 invalid, 4011 too few shards). */
  private shardOfIdentify(ws: WebSocket, raw: unknown): readonly [number, number] | undefined {
    const shard = raw ?? [0, 1];
    const valid =
      Array.isArray(shard) &&
      shard.length === 2 &&
      shard.every((n) => Number.isInteger(n)) &&
      shard[1] >= 1 &&
      shard[0] >= 0 &&
      shard[0] < shard[1];
    if (!valid) {
      this.reject(ws, 'op 2', 4010, `Invalid shard: ${JSON.stringify(raw)}`);
      return undefined;
    }
    const [id, count] = shard as [number, number];
    if (count < this.options.shards) {
      this.reject(ws, 'op 2', 4011, `Sharding required: ${count} shard(s) for ${this.options.shards}`);
      return undefined;
    }
    return [id, count];
  }

  /** Whether a session's shard receives a guild's events (events of no guild go to shard 0). */
  private owns([id, count]: readonly [number, number], guildId: string | undefined): boolean {
    return (guildId === undefined ? 0 : shardOf(guildId, count)) === id;
  }

  private resume(ws: WebSocket, d: Record<string, unknown>): Session | undefined {
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    if (d.token !== this.options.token || !session || session.ws) {
      // Invalid session, not resumable: the client identifies again.
      this.send(ws, { op: 9, d: false });
      return undefined;
    }
    session.ws = ws;
    const from = typeof d.seq === 'number' ? d.seq : 0;
    for (const { s, frame } of session.sent) if (s > from) ws.send(frame);
    this.sendDispatch(session, 'RESUMED', {});
    return session;
  }

  private membersChunk(session: Session, d: Record<string, unknown>): void {
    const ids = Array.isArray(d.user_ids)
      ? d.user_ids
      : typeof d.user_ids === 'string'
        ? [d.user_ids]
        : undefined;
    const guild = this.state.guilds.get(String(d.guild_id));
    if (!guild) return;
    const users = [...this.state.users.values()].filter((u) => !ids || ids.includes(u.id));
    this.sendDispatch(session, 'GUILD_MEMBERS_CHUNK', {
      guild_id: guild.id,
      members: users.map((u) => ({
        user: userPayload(u),
        roles: [],
        joined_at: guild.joinedAt.toISOString(),
      })),
      chunk_index: 0,
      chunk_count: 1,
      not_found: ids ? ids.filter((id) => !users.some((u) => u.id === id)) : [],
      ...(d.nonce ? { nonce: d.nonce } : {}),
    });
  }

  private sendDispatch(session: Session, t: string, d: Record<string, unknown>): void {
    const needed = requiredIntent(t);
    if (needed !== undefined && !(session.intents & needed)) return;
    const s = ++session.seq;
    const frame = JSON.stringify({ op: 0, t, s, d: this.withoutContent(session, t, d) });
    session.sent.push({ s, frame });
    session.ws?.send(frame);
  }

  /** Without the MessageContent intent Discord blanks other users' messages unless they mention the bot. */
  private withoutContent(session: Session, t: string, d: Record<string, unknown>): Record<string, unknown> {
    if (session.intents & GatewayIntentBits.MessageContent) return d;
    if (t !== 'MESSAGE_CREATE' && t !== 'MESSAGE_UPDATE') return d;
    const author = d.author as { id?: string } | undefined;
    const mentions = (d.mentions ?? []) as { id: string }[];
    if (author?.id === this.state.bot.id || mentions.some((m) => m.id === this.state.bot.id)) return d;
    return { ...d, content: '', embeds: [], attachments: [], components: [] };
  }

  private send(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  }

  private reject(ws: WebSocket, where: string, code: number, message: string): void {
    this.options.recordError({ kind: 'gateway', where: `gateway ${where}`, status: code, code, message });
    ws.close(code, message);
  }
}
