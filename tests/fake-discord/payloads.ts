import type {
  FakeAttachment,
  FakeChannel,
  FakeGuild,
  FakeMessage,
  FakeRole,
  FakeUser,
  State,
} from './state.ts';
import { ChannelKind } from './state.ts';

/** Builders of the JSON objects Discord sends, from the fake's records. */

export function userPayload(user: FakeUser): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
  };
}

export function rolePayload(role: FakeRole): Record<string, unknown> {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.managed,
    mentionable: false,
    flags: 0,
    icon: null,
    unicode_emoji: null,
    ...(role.managed ? { tags: { bot_id: role.name } } : {}),
  };
}

/** A guild member; `withUser` false gives the partial member Discord puts in MESSAGE_CREATE. */
export function memberPayload(
  state: State,
  guild: FakeGuild,
  user: FakeUser,
  withUser = true,
): Record<string, unknown> {
  return {
    ...(withUser ? { user: userPayload(user) } : {}),
    roles: user.id === state.bot.id ? [guild.botRoleId] : state.rolesOf(guild.id, user.id),
    joined_at: guild.joinedAt.toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
    avatar: null,
    premium_since: null,
    pending: false,
    communication_disabled_until: null,
  };
}

export function channelPayload(channel: FakeChannel): Record<string, unknown> {
  const base = {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
    flags: 0,
  };
  if (channel.parentId === null) {
    return {
      ...base,
      position: channel.position,
      permission_overwrites: [],
      parent_id: null,
      topic: null,
      nsfw: false,
      default_auto_archive_duration: 1440,
    };
  }
  return {
    ...base,
    parent_id: channel.parentId,
    owner_id: channel.ownerId,
    message_count: channel.messageCount,
    total_message_sent: channel.messageCount,
    member_count: 1,
    applied_tags: [],
    thread_metadata: {
      archived: channel.archived,
      auto_archive_duration: channel.autoArchiveDuration,
      archive_timestamp: channel.createdAt.toISOString(),
      locked: channel.locked,
      create_timestamp: channel.createdAt.toISOString(),
      ...(channel.type === ChannelKind.PrivateThread ? { invitable: true } : {}),
    },
  };
}

/** The bot's own thread membership, which Discord attaches to threads it created or joined. */
export function threadMemberPayload(thread: FakeChannel, userId: string): Record<string, unknown> {
  return { id: thread.id, user_id: userId, join_timestamp: thread.createdAt.toISOString(), flags: 0 };
}

export function attachmentPayload(attachment: FakeAttachment, ephemeral: boolean): Record<string, unknown> {
  return {
    id: attachment.id,
    filename: attachment.filename,
    size: attachment.size,
    url: attachment.url,
    proxy_url: attachment.url,
    ...(attachment.contentType ? { content_type: attachment.contentType } : {}),
    ...(attachment.description ? { description: attachment.description } : {}),
    ...(ephemeral ? { ephemeral: true } : {}),
  };
}

/**
 * A message object. `gateway` adds what dispatches carry beyond REST responses (`guild_id`, the
 * author's partial `member`).
 */
export function messagePayload(state: State, message: FakeMessage, gateway = false): Record<string, unknown> {
  const referenced = message.referencedMessageId
    ? state.messages.get(message.referencedMessageId)
    : undefined;
  const thread = message.threadId ? state.channels.get(message.threadId) : undefined;
  const guild = state.guilds.get(message.guildId);
  const payload: Record<string, unknown> = {
    id: message.id,
    channel_id: message.channelId,
    author: userPayload(message.author),
    content: message.content,
    timestamp: message.createdAt.toISOString(),
    edited_timestamp: message.editedAt?.toISOString() ?? null,
    tts: false,
    mention_everyone: false,
    mentions: message.mentionIds.flatMap((id) => {
      const user = state.users.get(id);
      return user ? [userPayload(user)] : [];
    }),
    mention_roles: [],
    attachments: message.attachments.map((a) => attachmentPayload(a, message.ephemeral)),
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    type: message.type,
    flags: message.flags,
  };
  if (message.reactions.length) {
    payload.reactions = message.reactions.map((r) => ({
      emoji: { id: null, name: r.emoji },
      count: r.userIds.length,
      count_details: { burst: 0, normal: r.userIds.length },
      burst_colors: [],
      me: r.userIds.includes(state.bot.id),
      me_burst: false,
      burst_count: 0,
    }));
  }
  if (message.webhookId) {
    payload.webhook_id = message.webhookId;
    payload.application_id = state.applicationId;
  }
  if (message.interaction) {
    const user = state.users.get(message.interaction.userId);
    payload.interaction_metadata = {
      id: message.interaction.id,
      type: message.interaction.type,
      ...(user ? { user: userPayload(user) } : {}),
      authorizing_integration_owners: { '0': message.guildId },
    };
  }
  if (referenced) {
    payload.message_reference = {
      type: 0,
      message_id: referenced.id,
      channel_id: referenced.channelId,
      guild_id: referenced.guildId,
    };
    payload.referenced_message = referenced.deleted ? null : messagePayload(state, referenced);
  }
  if (thread)
    payload.thread = { ...channelPayload(thread), member: threadMemberPayload(thread, state.bot.id) };
  if (gateway) {
    payload.guild_id = message.guildId;
    if (guild && !message.webhookId) payload.member = memberPayload(state, guild, message.author, false);
  }
  return payload;
}

export function guildCreatePayload(state: State, guild: FakeGuild): Record<string, unknown> {
  const channels = [...state.channels.values()].filter((c) => c.guildId === guild.id);
  const roles = [...state.roles.values()].filter((r) => r.guildId === guild.id);
  const owner = state.users.get(guild.ownerId);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: roles.map(rolePayload),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: guild.joinedAt.toISOString(),
    large: false,
    unavailable: false,
    member_count: state.users.size,
    // Without the GuildMembers intent Discord lists only the bot (and the owner here, for convenience).
    members: [state.bot, ...(owner && owner !== state.bot ? [owner] : [])].map((u) =>
      memberPayload(state, guild, u),
    ),
    channels: channels.filter((c) => c.parentId === null).map(channelPayload),
    // Discord lists active threads, so a restarted client has them cached and keeps their messages.
    threads: channels
      .filter((c) => c.parentId !== null && !c.archived)
      .map((t) => ({ ...channelPayload(t), member: threadMemberPayload(t, state.bot.id) })),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
