import type { APIEmbed } from 'discord.js';
import { nextSnowflake } from './snowflake.ts';

/** A Discord user: the bot itself or someone the test made with `fake.user(name)`. */
export interface FakeUser {
  id: string;
  username: string;
  globalName: string;
  bot: boolean;
  /** Guild-wide permissions of this member (the bot's are its role's, see `fake.setBotPermissions`). */
  permissions: bigint;
}

export interface FakeRole {
  id: string;
  guildId: string;
  name: string;
  permissions: bigint;
  position: number;
  /** The bot's integration role. */
  managed: boolean;
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  /** The bot's managed role; `@everyone` has the guild's id. */
  botRoleId: string;
  joinedAt: Date;
}

/** Channel types the fake knows (Discord's numbers). */
export const ChannelKind = { Text: 0, PublicThread: 11, PrivateThread: 12 } as const;

/** A text channel or a thread (a thread has a `parentId`). */
export interface FakeChannel {
  id: string;
  guildId: string;
  type: number;
  name: string;
  /** The text channel a thread belongs to; null for text channels. */
  parentId: string | null;
  /** Who created the thread. */
  ownerId: string | null;
  archived: boolean;
  locked: boolean;
  autoArchiveDuration: number;
  createdAt: Date;
  lastMessageId: string | null;
  messageCount: number;
  position: number;
}

/** A file uploaded with a message (multipart `files[n]`), kept byte for byte. */
export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  contentType: string | null;
  description: string | null;
  bytes: Buffer;
  /** Served by the fake: `GET` it to read the bytes back. */
  url: string;
}

export interface FakeReaction {
  /** A unicode emoji such as `✅`, decoded. */
  emoji: string;
  userIds: string[];
}

/** A message as the fake stores it, kept after deletion with `deleted: true`. */
export interface FakeMessage {
  id: string;
  channelId: string;
  guildId: string;
  author: FakeUser;
  content: string;
  embeds: APIEmbed[];
  /** Top-level components (action rows, or components v2) as the bot sent them. */
  components: Record<string, unknown>[];
  attachments: FakeAttachment[];
  reactions: FakeReaction[];
  flags: number;
  /** Discord's message type: 0 default, 18 thread created, 19 reply, 20 slash command response. */
  type: number;
  /** Only the invoking user sees it (flags & 64); never dispatched on the gateway. */
  ephemeral: boolean;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  referencedMessageId: string | null;
  /** Set on interaction responses and followups. */
  interaction: { id: string; type: number; userId: string } | null;
  webhookId: string | null;
  /** The thread started from this message, if any (same id). */
  threadId: string | null;
  mentionIds: string[];
}

/** Interaction types (Discord's numbers). */
export const InteractionKind = { Command: 2, Component: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

/** One accepted `POST /interactions/{id}/{token}/callback`. */
export interface CallbackRecord {
  /** 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete result, 9 modal. */
  type: number;
  data: Record<string, unknown>;
  attachments: FakeAttachment[];
  withResponse: boolean;
  at: Date;
  /** Milliseconds from the INTERACTION_CREATE dispatch to this callback. */
  elapsedMs: number;
}

/** An interaction the fake dispatched and what the bot answered. */
export interface FakeInteraction {
  id: string;
  token: string;
  type: number;
  user: FakeUser;
  guildId: string;
  channelId: string;
  /** The INTERACTION_CREATE payload as sent. */
  payload: Record<string, unknown>;
  dispatchedAt: number;
  /** The message a component (or a modal opened from one) belongs to. */
  messageId: string | null;
  callback: CallbackRecord | null;
  /** The `@original` response message, once there is one. */
  originalMessageId: string | null;
  followupIds: string[];
}

/** A command registered through a bulk overwrite, as Discord returns it. */
export interface RegisteredCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  name: string;
  type: number;
  description: string;
  options?: CommandOptionDefinition[];
  version: string;
  [key: string]: unknown;
}

export interface CommandOptionDefinition {
  type: number;
  name: string;
  required?: boolean;
  choices?: { name: string; value: string | number }[];
  autocomplete?: boolean;
  options?: CommandOptionDefinition[];
}

/** Everything the fake knows, shared by REST, gateway and helpers. */
export class State {
  readonly users = new Map<string, FakeUser>();
  readonly guilds = new Map<string, FakeGuild>();
  readonly roles = new Map<string, FakeRole>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, FakeMessage>();
  readonly interactions = new Map<string, FakeInteraction>();
  /** Global commands (`guildId` null) and per-guild ones, by `${guildId ?? 'global'}`. */
  readonly commands = new Map<string, RegisteredCommand[]>();
  /** Member roles beyond `@everyone`, by `${guildId}:${userId}`. */
  readonly memberRoles = new Map<string, string[]>();

  constructor(
    readonly bot: FakeUser,
    readonly applicationId: string,
  ) {
    this.users.set(bot.id, bot);
  }

  newUser(username: string, permissions: bigint, bot = false): FakeUser {
    const user: FakeUser = {
      id: nextSnowflake(),
      username,
      globalName: username.charAt(0).toUpperCase() + username.slice(1),
      bot,
      permissions,
    };
    this.users.set(user.id, user);
    return user;
  }

  userByName(username: string): FakeUser | undefined {
    return [...this.users.values()].find((u) => u.username === username);
  }

  rolesOf(guildId: string, userId: string): string[] {
    return this.memberRoles.get(`${guildId}:${userId}`) ?? [];
  }

  /** Threads (active and archived) whose parent is `channelId`, oldest first. */
  threadsOf(channelId: string): FakeChannel[] {
    return [...this.channels.values()].filter((c) => c.parentId === channelId);
  }

  messagesIn(channelId: string): FakeMessage[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId);
  }

  interactionByToken(token: string): FakeInteraction | undefined {
    return [...this.interactions.values()].find((i) => i.token === token);
  }
}
