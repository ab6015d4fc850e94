import { DiscordApiError, ErrorCode, invalidBody, missingPermissions, unknown } from './errors.ts';
import {
  channelPayload,
  guildCreatePayload,
  memberPayload,
  messagePayload,
  rolePayload,
  userPayload,
} from './payloads.ts';
import { has, PermissionFlagsBits as P } from './permissions.ts';
import { parseBody, type Route, type RouteResult } from './router.ts';
import {
  channelEditBody,
  commandsBody,
  messageBody,
  messageEditBody,
  threadBody,
  threadFromMessageBody,
} from './schemas.ts';
import { nextSnowflake } from './snowflake.ts';
import {
  ChannelKind,
  type FakeChannel,
  type FakeMessage,
  type RegisteredCommand,
  type State,
} from './state.ts';
import { MessageFlag, type World } from './world.ts';

const ok = (body?: unknown): RouteResult => ({ status: body === undefined ? 204 : 200, body });

/** Flags a bot may set on a message it creates in a channel (ephemeral exists only for interactions). */
const CHANNEL_MESSAGE_FLAGS =
  MessageFlag.SuppressEmbeds | MessageFlag.SuppressNotifications | MessageFlag.ComponentsV2;

export function checkFlags(flags: number | null | undefined, allowed: number): void {
  if (flags && flags & ~allowed)
    throw invalidBody(`flags: ${flags} has bits not allowed here (allowed ${allowed})`);
}

/** Unicode emoji (possibly with ZWJ sequences, skin tones, keycaps); the fake's guilds have no custom emoji. */
function checkEmoji(emoji: string): void {
  const isUnicodeEmoji =
    /^(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200D|\uFE0F|\u20E3)+$/u.test(emoji) &&
    /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u.test(emoji);
  if (!isUnicodeEmoji)
    throw new DiscordApiError('state', 400, ErrorCode.UnknownEmoji, `Unknown Emoji: ${emoji}`);
}

/**
 * A bulk overwrite of the commands of `scope` (a guild id, or `global`), as `PUT .../commands` does:
 * validated, stored, and returned with ids (a command keeps its id across overwrites).
 */
export function overwriteCommands(state: State, scope: string, body: unknown): RegisteredCommand[] {
  const previous = state.commands.get(scope) ?? [];
  const commands = parseBody(commandsBody, body).map((c): RegisteredCommand => {
    const type = c.type ?? 1;
    const same = previous.find((p) => p.name === c.name && p.type === type);
    return {
      ...c,
      id: same?.id ?? nextSnowflake(),
      application_id: state.applicationId,
      ...(scope === 'global' ? {} : { guild_id: scope }),
      name: c.name,
      type,
      description: c.description ?? '',
      version: nextSnowflake(),
      default_member_permissions: c.default_member_permissions ?? null,
    };
  });
  state.commands.set(scope, commands);
  return commands;
}

/** The bot-token routes: gateway discovery, users, application commands, channels, messages, threads, guilds. */
/** What `/gateway/bot` tells the bot: where to connect, how many shards, how many identify at once. */
export interface GatewayBotInfo {
  readonly url: string;
  readonly shards: number;
  readonly maxConcurrency: number;
}

/** How long an enforced nonce returns its message rather than a new one ("the past few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;

export function botRoutes(world: World, gateway: GatewayBotInfo): Route[] {
  const nonces = new Map<string, { message: FakeMessage; at: number }>();
  const { state } = world;
  const bot = (): Record<string, unknown> => ({
    ...userPayload(state.bot),
    verified: true,
    mfa_enabled: false,
    flags: 0,
  });
  const requireApp = (id: string | undefined): void => {
    if (id !== state.applicationId) throw unknown('Application');
  };
  const guild = (id: string | undefined) => {
    const found = state.guilds.get(id ?? '');
    if (!found) throw unknown('Guild');
    return found;
  };
  const sendable = (channel: FakeChannel): void => {
    if (channel.parentId === null) {
      if (channel.type !== ChannelKind.Text) throw unknown('Channel');
      world.requireBotPermission(channel, P.ViewChannel, P.SendMessages);
      return;
    }
    world.requireBotPermission(channel, P.ViewChannel, P.SendMessagesInThreads);
    if (channel.locked && !has(world.botPermissions(channel.guildId), P.ManageThreads)) {
      throw missingPermissions('ManageThreads (thread is locked)');
    }
    if (channel.archived) {
      // Sending to an archived, unlocked thread unarchives it, as on Discord.
      channel.archived = false;
      world.updateThread(channel);
    }
  };

  const commandRoutes = (scope: 'global' | 'guild'): Route[] => {
    const pattern =
      scope === 'global' ? '/applications/:app/commands' : '/applications/:app/guilds/:guild/commands';
    const key = (params: Record<string, string>): string => {
      requireApp(params.app);
      return scope === 'global' ? 'global' : guild(params.guild).id;
    };
    return [
      {
        method: 'GET',
        pattern,
        auth: true,
        handler: ({ params }) => ok(state.commands.get(key(params)) ?? []),
      },
      {
        method: 'PUT',
        pattern,
        auth: true,
        handler: ({ params, body }) => ok(overwriteCommands(state, key(params), body)),
      },
    ];
  };

  return [
    {
      method: 'GET',
      pattern: '/gateway/bot',
      auth: true,
      handler: () =>
        ok({
          url: gateway.url,
          shards: gateway.shards,
          session_start_limit: {
            total: 1000,
            remaining: 999,
            reset_after: 14_400_000,
            max_concurrency: gateway.maxConcurrency,
          },
        }),
    },
    { method: 'GET', pattern: '/gateway', auth: false, handler: () => ok({ url: gateway.url }) },
    { method: 'GET', pattern: '/users/@me', auth: true, handler: () => ok(bot()) },
    {
      method: 'GET',
      pattern: '/users/:userId',
      auth: true,
      handler: ({ params }) => {
        const user = state.users.get(params.userId ?? '');
        if (!user) throw unknown('User');
        return ok(userPayload(user));
      },
    },
    {
      method: 'GET',
      pattern: '/applications/@me',
      auth: true,
      handler: () =>
        ok({
          id: state.applicationId,
          name: state.bot.username,
          icon: null,
          description: '',
          bot_public: true,
          bot_require_code_grant: false,
          verify_key: '0'.repeat(64),
          flags: 0,
          owner: userPayload(state.bot),
          team: null,
          bot: bot(),
          approximate_guild_count: state.guilds.size,
        }),
    },
    ...commandRoutes('global'),
    ...commandRoutes('guild'),
    {
      method: 'GET',
      pattern: '/channels/:channelId',
      auth: true,
      handler: ({ params }) => {
        const channel = world.channel(params.channelId ?? '');
        return ok(channel.parentId === null ? channelPayload(channel) : world.threadPayload(channel));
      },
    },
    {
      method: 'PATCH',
      pattern: '/channels/:channelId',
      auth: true,
      handler: ({ params, body }) => {
        const channel = world.channel(params.channelId ?? '');
        const edit = parseBody(channelEditBody, body);
        const canManage = has(world.botPermissions(channel.guildId), P.ManageThreads);
        if (channel.parentId === null) {
          if (!has(world.botPermissions(channel.guildId), P.ManageChannels))
            throw missingPermissions('ManageChannels');
        } else if (channel.ownerId !== state.bot.id && !canManage) throw missingPermissions('ManageThreads');
        if (edit.locked !== undefined && !canManage) throw missingPermissions('ManageThreads');
        if (edit.name !== undefined) channel.name = edit.name;
        if (edit.archived !== undefined) channel.archived = edit.archived;
        if (edit.locked !== undefined) channel.locked = edit.locked;
        if (edit.auto_archive_duration !== undefined)
          channel.autoArchiveDuration = edit.auto_archive_duration;
        if (channel.parentId === null) {
          world.gateway.dispatch('CHANNEL_UPDATE', channelPayload(channel));
          return ok(channelPayload(channel));
        }
        world.updateThread(channel);
        return ok(world.threadPayload(channel));
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages',
      auth: true,
      handler: ({ params, query }) => {
        const channel = world.channel(params.channelId ?? '');
        world.requireBotPermission(channel, P.ViewChannel, P.ReadMessageHistory);
        const limit = Number(query.get('limit') ?? 50);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100)
          throw invalidBody('limit: must be 1 to 100');
        const before = query.get('before');
        const after = query.get('after');
        const visible = state
          .messagesIn(channel.id)
          .filter((m) => !m.deleted && !m.ephemeral)
          .filter((m) => (before ? BigInt(m.id) < BigInt(before) : true))
          .filter((m) => (after ? BigInt(m.id) > BigInt(after) : true));
        // The `limit` messages nearest the anchor (after it: the oldest ones), newest first, as Discord lists them.
        const page = after ? visible.slice(0, limit).reverse() : visible.reverse().slice(0, limit);
        return ok(page.map((m) => messagePayload(state, m)));
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channelId/messages',
      auth: true,
      handler: ({ params, body, files }) => {
        const channel = world.channel(params.channelId ?? '');
        sendable(channel);
        const parsed = parseBody(messageBody, body ?? {});
        checkFlags(parsed.flags, CHANNEL_MESSAGE_FLAGS);
        if (parsed.username || parsed.avatar_url || parsed.thread_name || parsed.applied_tags) {
          throw invalidBody('username, avatar_url, thread_name and applied_tags are for webhooks');
        }
        if (files.length) world.requireBotPermission(channel, P.AttachFiles);
        if (parsed.message_reference) world.requireBotPermission(channel, P.ReadMessageHistory);
        // With enforce_nonce, Discord answers a nonce it saw lately in the channel with that message.
        const key =
          parsed.enforce_nonce && parsed.nonce !== undefined ? `${channel.id}:${parsed.nonce}` : undefined;
        const seen = key === undefined ? undefined : nonces.get(key);
        if (seen && Date.now() - seen.at < NONCE_WINDOW_MS) return ok(messagePayload(state, seen.message));
        const message = world.createMessage({ channel, author: state.bot, body: parsed, files });
        if (key !== undefined) nonces.set(key, { message, at: Date.now() });
        return ok(messagePayload(state, message));
      },
    },
    {
      // A channel's history, newest first, as Discord lists it (limit 1–100, optionally before an id).
      method: 'GET',
      pattern: '/channels/:channelId/messages',
      auth: true,
      handler: ({ params, query }) => {
        const channel = world.channel(params.channelId ?? '');
        world.requireBotPermission(channel, P.ViewChannel, P.ReadMessageHistory);
        const limit = Number(query.get('limit') ?? '50');
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalidBody('limit must be 1–100');
        const before = query.get('before');
        const listed = state
          .messagesIn(channel.id)
          .filter((m) => !m.deleted && !m.ephemeral && (before === null || BigInt(m.id) < BigInt(before)))
          .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? 1 : -1))
          .slice(0, limit);
        return ok(listed.map((m) => messagePayload(state, m)));
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handler: ({ params }) => {
        const channel = world.channel(params.channelId ?? '');
        world.requireBotPermission(channel, P.ViewChannel, P.ReadMessageHistory);
        const message = world.message(channel.id, params.messageId ?? '');
        if (message.ephemeral) throw unknown('Message');
        return ok(messagePayload(state, message));
      },
    },
    {
      method: 'PATCH',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handler: ({ params, body, files }) => {
        const message = world.message(params.channelId ?? '', params.messageId ?? '');
        const edit = parseBody(messageEditBody, body ?? {});
        if (message.author.id !== state.bot.id) {
          throw new DiscordApiError(
            'permission',
            403,
            ErrorCode.CannotEditOthersMessage,
            'Cannot edit a message authored by another user',
          );
        }
        checkFlags(edit.flags, MessageFlag.SuppressEmbeds | MessageFlag.ComponentsV2);
        return ok(messagePayload(state, world.editMessage(message, edit, files)));
      },
    },
    {
      method: 'DELETE',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handler: ({ params }) => {
        const channel = world.channel(params.channelId ?? '');
        const message = world.message(channel.id, params.messageId ?? '');
        if (message.author.id !== state.bot.id) world.requireBotPermission(channel, P.ManageMessages);
        world.deleteMessage(message, true);
        return ok();
      },
    },
    {
      method: 'PUT',
      pattern: '/channels/:channelId/messages/:messageId/reactions/:emoji/@me',
      auth: true,
      handler: ({ params }) => {
        const channel = world.channel(params.channelId ?? '');
        const message = world.message(channel.id, params.messageId ?? '');
        const emoji = params.emoji ?? '';
        checkEmoji(emoji);
        world.requireBotPermission(channel, P.ViewChannel, P.ReadMessageHistory);
        // Adding a new emoji needs Add Reactions; joining an existing reaction does not.
        if (!message.reactions.some((r) => r.emoji === emoji))
          world.requireBotPermission(channel, P.AddReactions);
        world.react(message, state.bot, emoji);
        return ok();
      },
    },
    {
      method: 'DELETE',
      pattern: '/channels/:channelId/messages/:messageId/reactions/:emoji/@me',
      auth: true,
      handler: ({ params }) => {
        const message = world.message(params.channelId ?? '', params.messageId ?? '');
        checkEmoji(params.emoji ?? '');
        world.unreact(message, state.bot, params.emoji ?? '');
        return ok();
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channelId/messages/:messageId/threads',
      auth: true,
      handler: ({ params, body }) => {
        const channel = world.channel(params.channelId ?? '');
        if (channel.type !== ChannelKind.Text)
          throw invalidBody('threads start from messages in text channels');
        const message = world.message(channel.id, params.messageId ?? '');
        const spec = parseBody(threadFromMessageBody, body);
        if (message.threadId || state.channels.has(message.id)) {
          throw new DiscordApiError(
            'state',
            400,
            ErrorCode.ThreadAlreadyCreated,
            'A thread has already been created for this message',
          );
        }
        world.requireBotPermission(channel, P.ViewChannel, P.CreatePublicThreads);
        const thread = world.createThread({
          parent: channel,
          id: message.id,
          name: spec.name,
          type: ChannelKind.PublicThread,
          owner: state.bot,
          autoArchiveDuration: spec.auto_archive_duration,
        });
        message.threadId = thread.id;
        message.flags |= 32; // HAS_THREAD
        return { status: 201, body: world.threadPayload(thread) };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channelId/threads',
      auth: true,
      handler: ({ params, body }) => {
        const channel = world.channel(params.channelId ?? '');
        if (channel.type !== ChannelKind.Text) throw invalidBody('threads are created in text channels');
        const spec = parseBody(threadBody, body);
        // Without a type, API v10 still creates a private thread.
        const type = spec.type ?? ChannelKind.PrivateThread;
        world.requireBotPermission(
          channel,
          P.ViewChannel,
          type === ChannelKind.PublicThread ? P.CreatePublicThreads : P.CreatePrivateThreads,
        );
        const thread = world.createThread({
          parent: channel,
          name: spec.name,
          type,
          owner: state.bot,
          autoArchiveDuration: spec.auto_archive_duration,
        });
        if (type === ChannelKind.PublicThread) {
          // Discord announces a public thread without a starter message in its parent channel.
          world.createMessage({ channel, author: state.bot, body: { content: thread.name }, type: 18 });
        }
        return { status: 201, body: world.threadPayload(thread) };
      },
    },
    {
      method: 'PUT',
      pattern: '/channels/:channelId/thread-members/@me',
      auth: true,
      handler: ({ params }) => {
        if (world.channel(params.channelId ?? '').parentId === null) throw invalidBody('not a thread');
        return ok();
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId',
      auth: true,
      handler: ({ params }) => ok(guildCreatePayload(state, guild(params.guildId))),
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/members/:userId',
      auth: true,
      handler: ({ params }) => {
        const g = guild(params.guildId);
        const user = state.users.get(params.userId ?? '');
        if (!user) throw unknown('Member');
        return ok(memberPayload(state, g, user));
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/channels',
      auth: true,
      handler: ({ params }) => {
        const g = guild(params.guildId);
        return ok(
          [...state.channels.values()]
            .filter((c) => c.guildId === g.id && c.parentId === null)
            .map(channelPayload),
        );
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/threads/active',
      auth: true,
      handler: ({ params }) => {
        const g = guild(params.guildId);
        const threads = [...state.channels.values()].filter(
          (c) => c.guildId === g.id && c.parentId !== null && !c.archived,
        );
        return ok({
          threads: threads.map(channelPayload),
          members: threads.map((t) => ({
            id: t.id,
            user_id: state.bot.id,
            join_timestamp: t.createdAt.toISOString(),
            flags: 0,
          })),
        });
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/roles',
      auth: true,
      handler: ({ params }) => {
        const g = guild(params.guildId);
        return ok([...state.roles.values()].filter((r) => r.guildId === g.id).map(rolePayload));
      },
    },
  ];
}
