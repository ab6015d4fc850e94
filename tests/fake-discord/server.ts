import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayIntentBits } from 'discord.js';
import { interactionRoutes } from './callbacks.ts';
import type { ProtocolError } from './errors.ts';
import { EventLog, type BotEvent } from './events.ts';
import { Gateway, type DispatchRecord, type IdentifyRecord } from './gateway.ts';
import {
  commandData,
  dispatchInteraction,
  findComponent,
  modalSubmitComponents,
  type InteractionInput,
  type OptionValue,
} from './interactions.ts';
import { channelPayload, guildCreatePayload, messagePayload, rolePayload } from './payloads.ts';
import { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS, effective } from './permissions.ts';
import { InteractionResponse } from './response.ts';
import { botRoutes, overwriteCommands } from './rest.ts';
import { Router, type RequestRecord } from './router.ts';
import { nextSnowflake, nextSnowflakeOnShard } from './snowflake.ts';
import {
  ChannelKind,
  InteractionKind,
  State,
  type FakeChannel,
  type FakeGuild,
  type FakeInteraction,
  type FakeMessage,
  type FakeUser,
  type RegisteredCommand,
} from './state.ts';
import { World } from './world.ts';

export interface FakeDiscordOptions {
  /** The bot token the client must present (IDENTIFY and `Authorization: Bot …`); random by default. */
  token?: string;
  /** The bot user's name; default `gradquiz`. */
  botName?: string;
  /** The default guild's name; default `Study Group`. */
  guildName?: string;
  /** The default guild's text channel; default `quiz`. */
  channelName?: string;
  /** The bot role's permissions; default: what a quiz bot needs, Manage Messages included. */
  botPermissions?: bigint;
  /** `@everyone`'s permissions; default Discord's for a new server. */
  everyonePermissions?: bigint;
  /** Privileged intents enabled for the application; default Message Content only. */
  privilegedIntents?: number;
  /** HELLO's heartbeat interval; default 41250 ms as on Discord. */
  heartbeatIntervalMs?: number;
  /** Callbacks arriving later than this after the dispatch get 10062 Unknown interaction; default 3000. */
  interactionDeadlineMs?: number;
  /** The shard count `/gateway/bot` recommends (an IDENTIFY with fewer is closed with 4011); default 1. */
  shards?: number;
  /** `/gateway/bot`'s `session_start_limit.max_concurrency` (identify buckets); default 1. */
  maxConcurrency?: number;
}

/** A file a user attaches to a message. */
export interface UserAttachment {
  filename: string;
  bytes: Buffer;
  contentType?: string;
}

/** Waiting options of the interaction helpers. */
export interface AwaitOptions {
  /** How long to wait for the first callback; default the interaction deadline plus 250 ms. */
  timeoutMs?: number;
}

/**
 * A fake Discord on loopback for the real discord.js client: REST v10 and gateway v10 on one port,
 * strict (off-table routes and malformed bodies are recorded in `errors`), stateful, with helpers
 * that play the users' side. Start one with {@link startFakeDiscord}.
 */
export class FakeDiscord {
  /** REST base for discord.js's `rest.api` option and `DISCORD_API_URL`: `http://127.0.0.1:PORT/api`. */
  readonly apiUrl: string;
  /** The token the bot must log in with. */
  readonly token: string;
  /** The bot's user (its id is also the application id). */
  readonly bot: FakeUser;
  readonly applicationId: string;
  /** The default guild and its `#quiz` text channel. */
  readonly guildId: string;
  readonly channelId: string;
  /** Every record, for assertions the helpers do not cover. */
  readonly state: State;

  private readonly events = new EventLog();
  private readonly protocolErrors: ProtocolError[] = [];
  private readonly gateway: Gateway;
  private readonly router: Router;
  private readonly world: World;
  private readonly deadlineMs: number;
  private owner: FakeUser | undefined;

  /** Use {@link startFakeDiscord}. */
  constructor(
    private readonly server: Server,
    private readonly options: FakeDiscordOptions & { port: number },
  ) {
    const base = `http://127.0.0.1:${options.port}`;
    this.apiUrl = `${base}/api`;
    this.token = options.token ?? `fake.${randomBytes(16).toString('hex')}`;
    this.deadlineMs = options.interactionDeadlineMs ?? 3000;
    const botId = nextSnowflake();
    this.bot = {
      id: botId,
      username: options.botName ?? 'gradquiz',
      globalName: 'GradQuiz',
      bot: true,
      permissions: 0n,
    };
    this.applicationId = botId;
    this.state = new State(this.bot, botId);
    const recordError = (error: Omit<ProtocolError, 'at'>): void => {
      this.protocolErrors.push({ ...error, at: new Date() });
    };
    this.gateway = new Gateway(this.state, {
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      privilegedIntents: options.privilegedIntents ?? GatewayIntentBits.MessageContent,
      shards: options.shards ?? 1,
      recordError,
      wsUrl: () => `ws://127.0.0.1:${options.port}/gateway`,
    });
    this.world = new World(this.state, this.gateway, this.events, () => base);
    this.router = new Router(
      [
        ...botRoutes(this.world, {
          url: `ws://127.0.0.1:${options.port}/gateway`,
          shards: options.shards ?? 1,
          maxConcurrency: options.maxConcurrency ?? 1,
        }),
        ...interactionRoutes(this.world, this.deadlineMs),
      ],
      { token: this.token, recordError, serveStatic: (path) => this.attachmentAt(path) },
    );
    server.on('request', (req, res) => void this.router.handle(req, res));
    this.gateway.attach(server);
    const { guild, channel } = this.createGuild(
      options.guildName ?? 'Study Group',
      options.channelName ?? 'quiz',
    );
    this.guildId = guild.id;
    this.channelId = channel.id;
  }

  // ── Records ────────────────────────────────────────────────────────────────────────────────────

  /** Requests and frames the fake rejected (unknown routes, malformed bodies, missing permissions, …). */
  get errors(): readonly ProtocolError[] {
    return this.protocolErrors;
  }

  /**
   * Throws, listing them, if the fake rejected anything. `allow` exempts errors a test provokes on
   * purpose (e.g. `(e) => e.code === 50013` when the bot is denied a permission).
   */
  assertNoErrors(allow: (error: ProtocolError) => boolean = () => false): void {
    const unexpected = this.protocolErrors.filter((e) => !allow(e));
    if (unexpected.length) {
      const lines = unexpected.map((e) => `- [${e.kind}] ${e.where} → ${e.status} ${e.code}: ${e.message}`);
      throw new Error(`fake Discord rejected ${unexpected.length} request(s):\n${lines.join('\n')}`);
    }
  }

  /** Returns the errors recorded so far and forgets them. */
  takeErrors(): ProtocolError[] {
    return this.protocolErrors.splice(0);
  }

  /** Bot actions in order: messages, edits, deletions, reactions, threads, interaction callbacks. */
  get botEvents(): readonly BotEvent[] {
    return this.events.events;
  }

  /** Every REST request answered, in order. */
  get requests(): readonly RequestRecord[] {
    return this.router.requests;
  }

  /** Every dispatch sent on the gateway (before per-session intent filtering). */
  get dispatches(): readonly DispatchRecord[] {
    return this.gateway.dispatches;
  }

  /** Every IDENTIFY accepted; a restart adds one. */
  get identifies(): readonly IdentifyRecord[] {
    return this.gateway.identifies;
  }

  /** The intents of the latest IDENTIFY. */
  get intents(): number | undefined {
    return this.gateway.identifies.at(-1)?.intents;
  }

  // ── World setup ────────────────────────────────────────────────────────────────────────────────

  /**
   * The user called `name`, made on first use (stable id). `permissions` are guild-wide and replace
   * the user's previous ones; e.g. `PermissionFlagsBits.ManageGuild` for a server admin.
   */
  user(name: string, opts: { permissions?: bigint } = {}): FakeUser {
    const user = this.state.userByName(name) ?? this.state.newUser(name, 0n);
    if (opts.permissions !== undefined) {
      user.permissions = opts.permissions;
      for (const guild of this.state.guilds.values()) this.giveRole(guild, user);
    }
    return user;
  }

  /** A text channel (not a thread) by id or name, or a thread by id. */
  channel(idOrName: string): FakeChannel {
    const found =
      this.state.channels.get(idOrName) ??
      [...this.state.channels.values()].find((c) => c.name === idOrName && c.parentId === null);
    if (!found) throw new Error(`fake Discord: no channel ${idOrName}`);
    return found;
  }

  /** A new text channel (CHANNEL_CREATE is dispatched). */
  createChannel(name: string, guildId = this.guildId): FakeChannel {
    const channel: FakeChannel = {
      id: nextSnowflake(),
      guildId,
      type: ChannelKind.Text,
      name,
      parentId: null,
      ownerId: null,
      archived: false,
      locked: false,
      autoArchiveDuration: 1440,
      createdAt: new Date(),
      lastMessageId: null,
      messageCount: 0,
      position: [...this.state.channels.values()].filter((c) => c.guildId === guildId).length,
    };
    this.state.channels.set(channel.id, channel);
    this.gateway.dispatch('CHANNEL_CREATE', channelPayload(channel));
    return channel;
  }

  /**
   * Another guild with one text channel; if the bot is connected it gets GUILD_CREATE, as when it
   * joins a server. `shard` places it on that shard of the fake's shard count.
   */
  createGuild(
    name: string,
    channelName = 'quiz',
    opts: { shard?: number } = {},
  ): { guild: FakeGuild; channel: FakeChannel } {
    this.owner ??= this.state.newUser('owner', 0n);
    const guild: FakeGuild = {
      id:
        opts.shard === undefined
          ? nextSnowflake()
          : nextSnowflakeOnShard(opts.shard, this.options.shards ?? 1),
      name,
      ownerId: this.owner.id,
      botRoleId: nextSnowflake(),
      joinedAt: new Date(),
    };
    this.state.guilds.set(guild.id, guild);
    const everyone = this.options.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS;
    this.state.roles.set(guild.id, {
      id: guild.id,
      guildId: guild.id,
      name: '@everyone',
      permissions: everyone,
      position: 0,
      managed: false,
    });
    this.state.roles.set(guild.botRoleId, {
      id: guild.botRoleId,
      guildId: guild.id,
      name: this.bot.username,
      permissions: this.options.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
      position: 1,
      managed: true,
    });
    const created = this.state.guilds.size > 1;
    const channel = this.createChannel(channelName, guild.id);
    for (const user of this.state.users.values()) if (user.permissions) this.giveRole(guild, user);
    if (created) this.gateway.dispatch('GUILD_CREATE', guildCreatePayload(this.state, guild));
    return { guild, channel };
  }

  /** Grants or denies the bot permissions by changing its role (GUILD_ROLE_UPDATE is dispatched). */
  setBotPermissions(permissions: bigint, guildId = this.guildId): void {
    this.setRolePermissions(guildId, (guild) => guild.botRoleId, permissions);
  }

  /** Changes `@everyone`'s permissions in a guild (GUILD_ROLE_UPDATE is dispatched). */
  setEveryonePermissions(permissions: bigint, guildId = this.guildId): void {
    this.setRolePermissions(guildId, (guild) => guild.id, permissions);
  }

  private setRolePermissions(
    guildId: string,
    roleOf: (guild: FakeGuild) => string,
    permissions: bigint,
  ): void {
    const guild = this.state.guilds.get(guildId);
    const role = guild && this.state.roles.get(roleOf(guild));
    if (!guild || !role) throw new Error(`fake Discord: no guild ${guildId}`);
    role.permissions = permissions;
    this.gateway.dispatch('GUILD_ROLE_UPDATE', { guild_id: guild.id, role: rolePayload(role) });
  }

  /** The bot's effective permissions in a guild, as sent in `app_permissions`. */
  botPermissions(guildId = this.guildId): bigint {
    return this.world.botPermissions(guildId);
  }

  /**
   * Registers commands as a bulk overwrite would (validated like `PUT …/commands`), for tests that do
   * not run the bot's own registration. `guildId` undefined registers them globally.
   */
  registerCommands(commands: unknown[], guildId?: string): RegisteredCommand[] {
    return overwriteCommands(this.state, guildId ?? 'global', commands);
  }

  /** Commands registered for a guild, or globally without `guildId`. */
  commands(guildId?: string): RegisteredCommand[] {
    return this.state.commands.get(guildId ?? 'global') ?? [];
  }

  // ── Users' actions: interactions ───────────────────────────────────────────────────────────────

  /**
   * Sends a slash command and resolves at the bot's first callback. Options are checked against the
   * registered command if there is one (names, types, choices, required). `subcommand` is `'sub'` or
   * `'group sub'`. Users and channels are passed as records: `{ user: fake.user('bob') }`.
   */
  slashCommand(
    input: InteractionInput &
      AwaitOptions & { name: string; subcommand?: string; options?: Record<string, OptionValue> },
  ): Promise<InteractionResponse> {
    const channel = this.channel(input.channelId ?? this.channelId);
    const data = commandData(this.world, channel, input);
    return this.respond(
      dispatchInteraction(this.world, { ...input, type: InteractionKind.Command, channel, data }),
      input,
    );
  }

  /** Sends an autocomplete request for option `focused` (its value is what the user typed so far). */
  autocomplete(
    input: InteractionInput &
      AwaitOptions & {
        name: string;
        subcommand?: string;
        options?: Record<string, OptionValue>;
        focused: string;
      },
  ): Promise<InteractionResponse> {
    const channel = this.channel(input.channelId ?? this.channelId);
    const data = commandData(this.world, channel, input);
    return this.respond(
      dispatchInteraction(this.world, { ...input, type: InteractionKind.Autocomplete, channel, data }),
      input,
    );
  }

  /** Clicks a button of a message; throws if the message has no such (enabled) button. */
  clickButton(
    input: InteractionInput & AwaitOptions & { messageId: string; customId: string },
  ): Promise<InteractionResponse> {
    const { message, channel } = this.componentTarget(input.messageId, input.customId, [2]);
    const data = { custom_id: input.customId, component_type: 2 };
    return this.respond(
      dispatchInteraction(this.world, { ...input, type: InteractionKind.Component, channel, data, message }),
      input,
    );
  }

  /** Picks `values` in a string select menu of a message; they must be among its options. */
  selectMenu(
    input: InteractionInput & AwaitOptions & { messageId: string; customId: string; values: string[] },
  ): Promise<InteractionResponse> {
    const { message, channel, component } = this.componentTarget(input.messageId, input.customId, [3]);
    const options = (component.options ?? []) as { value: string }[];
    const stray = input.values.filter((v) => !options.some((o) => o.value === v));
    if (stray.length)
      throw new Error(`fake Discord: ${stray.join(', ')} not among the options of ${input.customId}`);
    const data = { custom_id: input.customId, component_type: 3, values: input.values };
    return this.respond(
      dispatchInteraction(this.world, { ...input, type: InteractionKind.Component, channel, data, message }),
      input,
    );
  }

  /**
   * Submits the modal `customId` that the bot last showed to `user`, filling text inputs (and string
   * selects, with arrays) by custom_id. The submit mirrors the modal's layout and keeps its message
   * (so the bot may answer with an update). Throws if no such modal was shown.
   */
  submitModal(
    input: InteractionInput & AwaitOptions & { customId: string; fields: Record<string, string | string[]> },
  ): Promise<InteractionResponse> {
    const shown = [...this.state.interactions.values()]
      .reverse()
      .find(
        (i) =>
          i.user.id === input.user.id &&
          i.callback?.type === 9 &&
          i.callback.data.custom_id === input.customId,
      );
    if (!shown?.callback)
      throw new Error(`fake Discord: no modal ${input.customId} was shown to ${input.user.username}`);
    const components = modalSubmitComponents(
      shown.callback.data.components as Record<string, unknown>[],
      input.fields,
    );
    const message = shown.messageId ? this.state.messages.get(shown.messageId) : undefined;
    const channel = this.channel(input.channelId ?? shown.channelId);
    const data = { custom_id: input.customId, components };
    return this.respond(
      dispatchInteraction(this.world, {
        ...input,
        type: InteractionKind.ModalSubmit,
        channel,
        data,
        message,
      }),
      input,
    );
  }

  // ── Users' actions: messages ───────────────────────────────────────────────────────────────────

  /** A user posts a message (MESSAGE_CREATE is dispatched); `replyTo` makes it a reply. */
  postMessage(input: {
    user: FakeUser;
    channelId?: string;
    content: string;
    replyTo?: string;
    attachments?: UserAttachment[];
  }): FakeMessage {
    const channel = this.channel(input.channelId ?? this.channelId);
    return this.world.createMessage({
      channel,
      author: input.user,
      body: {
        content: input.content,
        ...(input.replyTo ? { message_reference: { message_id: input.replyTo } } : {}),
        attachments: (input.attachments ?? []).map((a, index) => ({ id: index, filename: a.filename })),
      },
      files: (input.attachments ?? []).map((a, index) => ({
        index,
        filename: a.filename,
        contentType: a.contentType ?? null,
        bytes: a.bytes,
      })),
    });
  }

  /** The author edits a message (MESSAGE_UPDATE with `edited_timestamp`). */
  editMessage(input: { messageId: string; content: string }): FakeMessage {
    const message = this.existingMessage(input.messageId);
    return this.world.editMessage(message, { content: input.content });
  }

  /** The author deletes a message (MESSAGE_DELETE). */
  deleteMessage(input: { messageId: string }): void {
    this.world.deleteMessage(this.existingMessage(input.messageId), false);
  }

  /** A user reacts to a message (MESSAGE_REACTION_ADD). */
  react(input: { user: FakeUser; messageId: string; emoji: string }): void {
    this.world.react(this.existingMessage(input.messageId), input.user, input.emoji);
  }

  /** Sends the same dispatch again, as Discord may after a reconnect (a new sequence number). */
  redeliver(dispatch: DispatchRecord): DispatchRecord {
    return this.gateway.dispatch(dispatch.t, dispatch.d);
  }

  /** The latest dispatch, or the latest of type `t` (e.g. `'MESSAGE_CREATE'`). */
  lastDispatch(t?: string): DispatchRecord {
    const found = [...this.gateway.dispatches].reverse().find((d) => t === undefined || d.t === t);
    if (!found) throw new Error(`fake Discord: no ${t ?? ''} dispatch yet`);
    return found;
  }

  // ── Waiting and reading ────────────────────────────────────────────────────────────────────────

  /** The current end of the bot-event log, to pass as `since` so older events do not match. */
  mark(): number {
    return this.events.events.length;
  }

  /**
   * The first bot event matching `predicate`, from `since` (default: the whole log, so key the
   * predicate on ids, or use {@link mark}) — waiting up to `timeoutMs` for one to happen.
   */
  waitFor<E extends BotEvent>(
    predicate: (event: BotEvent) => event is E,
    timeoutMs?: number,
    since?: number,
  ): Promise<E>;
  waitFor(predicate: (event: BotEvent) => boolean, timeoutMs?: number, since?: number): Promise<BotEvent>;
  waitFor(predicate: (event: BotEvent) => boolean, timeoutMs = 2000, since = 0): Promise<BotEvent> {
    return this.events.waitFor(predicate, timeoutMs, since);
  }

  /** The first message the bot created (in a channel or as an interaction response) matching `predicate`. */
  async waitForMessage(
    predicate: (message: FakeMessage) => boolean,
    timeoutMs = 2000,
    since = 0,
  ): Promise<FakeMessage> {
    const event = await this.events.waitFor(
      (e) => e.kind === 'message' && predicate(e.message),
      timeoutMs,
      since,
    );
    return (event as Extract<BotEvent, { kind: 'message' }>).message;
  }

  /** Resolves when the bot has reacted to `messageId` (with `emoji`, if given); returns the emoji. */
  async waitForReaction(messageId: string, emoji?: string, timeoutMs = 2000): Promise<string> {
    const event = await this.events.waitFor(
      (e) =>
        e.kind === 'reaction' && e.message.id === messageId && (emoji === undefined || e.emoji === emoji),
      timeoutMs,
    );
    return (event as Extract<BotEvent, { kind: 'reaction' }>).emoji;
  }

  /** Resolves when the bot has deleted `messageId`. */
  async waitForDeletion(messageId: string, timeoutMs = 2000): Promise<FakeMessage> {
    const event = await this.events.waitFor(
      (e) => e.kind === 'delete' && e.message.id === messageId,
      timeoutMs,
    );
    return (event as Extract<BotEvent, { kind: 'delete' }>).message;
  }

  /** Resolves once `count` READYs have been sent in total (1: first login; 2: after a restart). */
  waitForReady(count = 1, timeoutMs = 10_000): Promise<void> {
    return this.gateway.waitForReady(count, timeoutMs);
  }

  /**
   * Messages in a channel or thread, oldest first, as members see them: without deleted messages and
   * without ephemeral ones unless asked.
   */
  messagesIn(
    channelId: string,
    opts: { includeDeleted?: boolean; includeEphemeral?: boolean } = {},
  ): FakeMessage[] {
    return this.state
      .messagesIn(channelId)
      .filter((m) => (opts.includeDeleted || !m.deleted) && (opts.includeEphemeral || !m.ephemeral));
  }

  /** Threads started in a channel, oldest first. */
  threadsOf(channelId: string): FakeChannel[] {
    return this.state.threadsOf(channelId);
  }

  /** A message by id, deleted or not. */
  message(id: string): FakeMessage | undefined {
    return this.state.messages.get(id);
  }

  /** The message as discord.js receives it (REST shape), for debugging. */
  messageJson(id: string): Record<string, unknown> {
    return messagePayload(this.state, this.existingMessage(id, true));
  }

  // ── Connection ─────────────────────────────────────────────────────────────────────────────────

  /** Drops the bot's gateway connections; with 4000 (default) discord.js resumes and gets missed events. */
  disconnectBot(code = 4000): void {
    this.gateway.disconnectAll(code);
  }

  /** Closes the gateway and the HTTP server. */
  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ── Internals ──────────────────────────────────────────────────────────────────────────────────

  private async respond(interaction: FakeInteraction, opts: AwaitOptions): Promise<InteractionResponse> {
    const timeoutMs = opts.timeoutMs ?? this.deadlineMs + 250;
    try {
      const event = await this.events.waitFor(
        (e) => e.kind === 'callback' && e.interaction === interaction,
        timeoutMs,
        this.events.events.length,
      );
      if (event.kind !== 'callback') throw new Error('unreachable');
      return new InteractionResponse(this.state, this.events, interaction, event.callback, event.seq);
    } catch (error) {
      const related = this.protocolErrors.filter(
        (e) => e.where.includes(interaction.id) || e.where.includes(interaction.token),
      );
      const detail = related.map((e) => `\n- ${e.where} → ${e.status} ${e.code}: ${e.message}`).join('');
      throw new Error(
        `fake Discord: no accepted callback for interaction ${interaction.id} within ${timeoutMs} ms${detail}\n${(error as Error).message}`,
      );
    }
  }

  private componentTarget(
    messageId: string,
    customId: string,
    types: number[],
  ): { message: FakeMessage; channel: FakeChannel; component: Record<string, unknown> } {
    const message = this.existingMessage(messageId);
    const component = findComponent(message.components, customId);
    if (!component || !types.includes(Number(component.type)) || component.disabled) {
      throw new Error(
        `fake Discord: message ${messageId} has no enabled component ${customId} of type ${types.join('/')}`,
      );
    }
    return { message, channel: this.channel(message.channelId), component };
  }

  private existingMessage(id: string, includeDeleted = false): FakeMessage {
    const message = this.state.messages.get(id);
    if (!message || (message.deleted && !includeDeleted)) throw new Error(`fake Discord: no message ${id}`);
    return message;
  }

  /** Users with extra permissions hold a role granting them, so fetched members show them too. */
  private giveRole(guild: FakeGuild, user: FakeUser): void {
    const key = `${guild.id}:${user.id}`;
    const roleId = this.state.memberRoles.get(key)?.[0] ?? nextSnowflake();
    const existing = this.state.roles.get(roleId);
    const role = {
      id: roleId,
      guildId: guild.id,
      name: `${user.username}-role`,
      permissions: effective(user.permissions),
      position: 1,
      managed: false,
    };
    this.state.roles.set(roleId, role);
    this.state.memberRoles.set(key, [roleId]);
    this.gateway.dispatch(existing ? 'GUILD_ROLE_UPDATE' : 'GUILD_ROLE_CREATE', {
      guild_id: guild.id,
      role: rolePayload(role),
    });
  }

  private attachmentAt(path: string): { contentType: string; bytes: Buffer } | undefined {
    const id = /^\/attachments\/\d+\/(\d+)\//.exec(path)?.[1];
    for (const message of this.state.messages.values()) {
      const attachment = message.attachments.find((a) => a.id === id);
      if (attachment)
        return { contentType: attachment.contentType ?? 'application/octet-stream', bytes: attachment.bytes };
    }
    return undefined;
  }
}

/** Starts a fake Discord on 127.0.0.1 with a random port. Close it with `fake.close()`. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return new FakeDiscord(server, { ...options, port });
}
