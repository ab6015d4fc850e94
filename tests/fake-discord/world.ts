import type { APIEmbed } from 'discord.js';
import { DiscordApiError, ErrorCode, invalidBody, missingPermissions, unknown } from './errors.ts';
import type { EventLog } from './events.ts';
import type { Gateway } from './gateway.ts';
import { channelPayload, messagePayload, threadMemberPayload } from './payloads.ts';
import { effective, has, PermissionFlagsBits, permissionName } from './permissions.ts';
import type { UploadedFile } from './router.ts';
import type { MessageBody, MessageEditBody } from './schemas.ts';
import { nextSnowflake } from './snowflake.ts';
import type { FakeAttachment, FakeChannel, FakeMessage, FakeUser, State } from './state.ts';

/** Discord's default upload limit per file for a server without boosts. */
export const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

export const MessageFlag = {
  SuppressEmbeds: 4,
  Ephemeral: 64,
  Loading: 128,
  SuppressNotifications: 4096,
  ComponentsV2: 32768,
};

/** What a new message is made of, after the route has validated the body. */
export interface NewMessage {
  channel: FakeChannel;
  author: FakeUser;
  body: MessageBody;
  files?: UploadedFile[];
  type?: number;
  flags?: number;
  interaction?: FakeMessage['interaction'];
  webhookId?: string | null;
}

/**
 * The operations shared by REST routes and test helpers: every change to messages, reactions and
 * threads goes through here, so the store, the gateway echo and the bot-event log stay in step.
 */
export class World {
  constructor(
    readonly state: State,
    readonly gateway: Gateway,
    readonly events: EventLog,
    private readonly baseUrl: () => string,
  ) {}

  channel(id: string): FakeChannel {
    const channel = this.state.channels.get(id);
    if (!channel) throw unknown('Channel');
    return channel;
  }

  message(channelId: string, id: string): FakeMessage {
    const message = this.state.messages.get(id);
    if (!message || message.deleted || message.channelId !== channelId) throw unknown('Message');
    return message;
  }

  /** The bot's guild permissions: `@everyone` plus its role (no channel overwrites in the fake). */
  botPermissions(guildId: string): bigint {
    const guild = this.state.guilds.get(guildId);
    const everyone = this.state.roles.get(guildId)?.permissions ?? 0n;
    const own = guild ? (this.state.roles.get(guild.botRoleId)?.permissions ?? 0n) : 0n;
    return effective(everyone | own);
  }

  /** A member's guild permissions, as Discord computes `member.permissions`. */
  memberPermissions(guildId: string, user: FakeUser): bigint {
    if (user.id === this.state.bot.id) return this.botPermissions(guildId);
    const guild = this.state.guilds.get(guildId);
    if (guild?.ownerId === user.id) return effective(PermissionFlagsBits.Administrator);
    const everyone = this.state.roles.get(guildId)?.permissions ?? 0n;
    return effective(everyone | user.permissions);
  }

  requireBotPermission(channel: FakeChannel, ...bits: bigint[]): void {
    const permissions = this.botPermissions(channel.guildId);
    for (const bit of bits) if (!has(permissions, bit)) throw missingPermissions(permissionName(bit));
  }

  createMessage(spec: NewMessage): FakeMessage {
    const { channel, author, body } = spec;
    const files = spec.files ?? [];
    const id = nextSnowflake();
    const reference = body.message_reference;
    let referencedMessageId: string | null = null;
    if (reference) {
      const target = this.state.messages.get(reference.message_id);
      if (target && !target.deleted && target.channelId === channel.id) referencedMessageId = target.id;
      else if (reference.fail_if_not_exists !== false)
        throw invalidBody('message_reference: Unknown message');
    }
    const attachments = this.attachmentsFrom(channel.id, files, body.attachments ?? []);
    const message: FakeMessage = {
      id,
      channelId: channel.id,
      guildId: channel.guildId,
      author,
      content: body.content ?? '',
      embeds: this.embedsFrom((body.embeds ?? []) as APIEmbed[], attachments),
      components: (body.components ?? []) as Record<string, unknown>[],
      attachments,
      reactions: [],
      flags: spec.flags ?? body.flags ?? 0,
      type: spec.type ?? (referencedMessageId ? 19 : 0),
      ephemeral: Boolean((spec.flags ?? body.flags ?? 0) & MessageFlag.Ephemeral),
      createdAt: new Date(),
      editedAt: null,
      deleted: false,
      referencedMessageId,
      interaction: spec.interaction ?? null,
      webhookId: spec.webhookId ?? null,
      threadId: null,
      mentionIds: this.mentionsIn(body.content ?? ''),
    };
    if (!isLoading(message) && isEmpty(message, body)) {
      throw new DiscordApiError('body', 400, ErrorCode.EmptyMessage, 'Cannot send an empty message');
    }
    this.state.messages.set(id, message);
    if (!message.ephemeral) {
      channel.lastMessageId = id;
      if (channel.parentId !== null) channel.messageCount++;
      this.gateway.dispatch('MESSAGE_CREATE', messagePayload(this.state, message, true));
    }
    if (author.id === this.state.bot.id) this.events.push({ kind: 'message', message });
    return message;
  }

  /** Applies an edit (by its author: the bot through REST, a user through `fake.editMessage`). */
  editMessage(message: FakeMessage, body: MessageEditBody, files: UploadedFile[] = []): FakeMessage {
    if (body.content !== undefined) {
      message.content = body.content ?? '';
      message.mentionIds = this.mentionsIn(message.content);
    }
    if (body.attachments !== undefined || files.length) {
      const keep = (body.attachments ?? message.attachments.map((a) => ({ id: a.id }))).map((a) =>
        String(a.id),
      );
      const kept = message.attachments.filter((a) => keep.includes(a.id));
      const newRefs = (body.attachments ?? []).filter(
        (a) => !message.attachments.some((m) => m.id === String(a.id)),
      );
      message.attachments = [...kept, ...this.attachmentsFrom(message.channelId, files, newRefs)];
    }
    if (body.embeds !== undefined)
      message.embeds = this.embedsFrom((body.embeds ?? []) as APIEmbed[], message.attachments);
    if (body.components !== undefined)
      message.components = (body.components ?? []) as Record<string, unknown>[];
    if (body.flags !== undefined && body.flags !== null) {
      message.flags = (message.flags & MessageFlag.Ephemeral) | body.flags;
    }
    // The first edit of a deferred reply settles it.
    message.flags &= ~MessageFlag.Loading;
    if (isEmpty(message, {}))
      throw new DiscordApiError('body', 400, ErrorCode.EmptyMessage, 'Cannot send an empty message');
    message.editedAt = new Date();
    if (!message.ephemeral)
      this.gateway.dispatch('MESSAGE_UPDATE', messagePayload(this.state, message, true));
    if (message.author.id === this.state.bot.id) this.events.push({ kind: 'edit', message });
    return message;
  }

  deleteMessage(message: FakeMessage, byBot: boolean): void {
    message.deleted = true;
    if (!message.ephemeral) {
      this.gateway.dispatch('MESSAGE_DELETE', {
        id: message.id,
        channel_id: message.channelId,
        guild_id: message.guildId,
      });
    }
    if (byBot) this.events.push({ kind: 'delete', message });
  }

  /** Adds `user`'s reaction; false if it was already there (Discord then sends nothing). */
  react(message: FakeMessage, user: FakeUser, emoji: string): boolean {
    let reaction = message.reactions.find((r) => r.emoji === emoji);
    if (reaction?.userIds.includes(user.id)) return false;
    if (!reaction) {
      reaction = { emoji, userIds: [] };
      message.reactions.push(reaction);
    }
    reaction.userIds.push(user.id);
    this.gateway.dispatch('MESSAGE_REACTION_ADD', {
      user_id: user.id,
      channel_id: message.channelId,
      message_id: message.id,
      guild_id: message.guildId,
      emoji: { id: null, name: emoji },
      burst: false,
      type: 0,
      message_author_id: message.author.id,
    });
    if (user.id === this.state.bot.id) this.events.push({ kind: 'reaction', message, emoji });
    return true;
  }

  unreact(message: FakeMessage, user: FakeUser, emoji: string): void {
    const reaction = message.reactions.find((r) => r.emoji === emoji);
    if (!reaction?.userIds.includes(user.id)) return;
    reaction.userIds = reaction.userIds.filter((id) => id !== user.id);
    message.reactions = message.reactions.filter((r) => r.userIds.length);
    this.gateway.dispatch('MESSAGE_REACTION_REMOVE', {
      user_id: user.id,
      channel_id: message.channelId,
      message_id: message.id,
      guild_id: message.guildId,
      emoji: { id: null, name: emoji },
      burst: false,
      type: 0,
    });
    if (user.id === this.state.bot.id) this.events.push({ kind: 'unreaction', message, emoji });
  }

  createThread(spec: {
    parent: FakeChannel;
    id?: string;
    name: string;
    type: number;
    owner: FakeUser;
    autoArchiveDuration?: number;
  }): FakeChannel {
    const thread: FakeChannel = {
      id: spec.id ?? nextSnowflake(),
      guildId: spec.parent.guildId,
      type: spec.type,
      name: spec.name,
      parentId: spec.parent.id,
      ownerId: spec.owner.id,
      archived: false,
      locked: false,
      autoArchiveDuration: spec.autoArchiveDuration ?? 1440,
      createdAt: new Date(),
      lastMessageId: null,
      messageCount: 0,
      position: 0,
    };
    this.state.channels.set(thread.id, thread);
    this.gateway.dispatch('THREAD_CREATE', {
      ...this.threadPayload(thread),
      newly_created: true,
    });
    if (spec.owner.id === this.state.bot.id) this.events.push({ kind: 'thread', thread });
    return thread;
  }

  updateThread(thread: FakeChannel): void {
    this.gateway.dispatch('THREAD_UPDATE', this.threadPayload(thread));
  }

  /** A thread with the bot's membership, as Discord returns it to the bot. */
  threadPayload(thread: FakeChannel): Record<string, unknown> {
    return { ...channelPayload(thread), member: threadMemberPayload(thread, this.state.bot.id) };
  }

  private attachmentsFrom(
    channelId: string,
    files: UploadedFile[],
    refs: NonNullable<MessageBody['attachments']>,
  ): FakeAttachment[] {
    return files.map((file) => {
      if (file.bytes.length > ATTACHMENT_SIZE_LIMIT) {
        throw new DiscordApiError('body', 413, ErrorCode.RequestTooLarge, 'Request entity too large');
      }
      const ref = refs.find((r) => String(r.id) === String(file.index));
      const id = nextSnowflake();
      const filename = ref?.filename ?? file.filename;
      return {
        id,
        filename,
        size: file.bytes.length,
        contentType: file.contentType,
        description: ref?.description ?? null,
        bytes: file.bytes,
        url: `${this.baseUrl()}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`,
      };
    });
  }

  /** Discord marks embeds `rich` and resolves `attachment://name` to the uploaded file's URL. */
  private embedsFrom(embeds: APIEmbed[], attachments: FakeAttachment[]): APIEmbed[] {
    const resolve = <T extends { url: string }>(media: T | undefined): T | undefined => {
      const name = media?.url.startsWith('attachment://')
        ? media.url.slice('attachment://'.length)
        : undefined;
      const file = name === undefined ? undefined : attachments.find((a) => a.filename === name);
      return media && file ? { ...media, url: file.url, proxy_url: file.url } : media;
    };
    return embeds.map((embed) => {
      const out: APIEmbed = { type: 'rich' as APIEmbed['type'], ...embed };
      if (embed.image) out.image = resolve(embed.image);
      if (embed.thumbnail) out.thumbnail = resolve(embed.thumbnail);
      return out;
    });
  }

  private mentionsIn(content: string): string[] {
    const ids = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1] ?? '');
    return [...new Set(ids)].filter((id) => this.state.users.has(id));
  }
}

function isLoading(message: FakeMessage): boolean {
  return Boolean(message.flags & MessageFlag.Loading);
}

function isEmpty(message: FakeMessage, body: Pick<MessageBody, 'sticker_ids' | 'poll'>): boolean {
  return (
    message.content.trim() === '' &&
    message.embeds.length === 0 &&
    message.components.length === 0 &&
    message.attachments.length === 0 &&
    !body.sticker_ids?.length &&
    !body.poll
  );
}
