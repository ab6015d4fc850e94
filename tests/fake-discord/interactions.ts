import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { channelPayload, memberPayload, messagePayload, userPayload } from './payloads.ts';
import { nextSnowflake } from './snowflake.ts';
import type {
  CommandOptionDefinition,
  FakeChannel,
  FakeInteraction,
  FakeMessage,
  FakeUser,
  RegisteredCommand,
} from './state.ts';
import { ATTACHMENT_SIZE_LIMIT, type World } from './world.ts';

/** A slash-command option value: users and channels are passed as the fake's records. */
export type OptionValue = string | number | boolean | FakeUser | FakeChannel;

/** Application command option types (Discord's numbers). */
const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
} as const;

const isUser = (v: OptionValue): v is FakeUser => typeof v === 'object' && 'username' in v;
const isChannel = (v: OptionValue): v is FakeChannel => typeof v === 'object' && 'parentId' in v;

/** Common fields of every interaction the tests send. */
export interface InteractionInput {
  user: FakeUser;
  /** Where the interaction happens; defaults to `#quiz` (for components: the message's channel). */
  channelId?: string;
  /** Overrides the member's permissions (`member.permissions`) for this interaction only. */
  permissions?: bigint;
  /** The user's client locale; default `en-US`. */
  locale?: string;
}

/** Builds and dispatches one INTERACTION_CREATE with every field discord.js needs. */
export function dispatchInteraction(
  world: World,
  input: InteractionInput & {
    type: number;
    channel: FakeChannel;
    data: Record<string, unknown>;
    message?: FakeMessage;
  },
): FakeInteraction {
  const { state } = world;
  const guild = state.guilds.get(input.channel.guildId);
  if (!guild) throw new Error(`fake Discord: channel ${input.channel.id} has no guild`);
  const id = nextSnowflake();
  const token = `itok_${randomBytes(12).toString('hex')}`;
  const payload: Record<string, unknown> = {
    id,
    application_id: state.applicationId,
    token,
    version: 1,
    type: input.type,
    data: input.data,
    guild_id: guild.id,
    guild: { id: guild.id, locale: 'en-US', features: [] },
    channel: channelPayload(input.channel),
    channel_id: input.channel.id,
    member: {
      ...memberPayload(state, guild, input.user),
      permissions: (input.permissions ?? world.memberPermissions(guild.id, input.user)).toString(),
    },
    app_permissions: world.botPermissions(guild.id).toString(),
    locale: input.locale ?? 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    ...(input.message ? { message: messagePayload(state, input.message) } : {}),
  };
  const interaction: FakeInteraction = {
    id,
    token,
    type: input.type,
    user: input.user,
    guildId: guild.id,
    channelId: input.channel.id,
    payload,
    dispatchedAt: performance.now(),
    messageId: input.message?.id ?? null,
    callback: null,
    originalMessageId: null,
    followupIds: [],
  };
  state.interactions.set(id, interaction);
  world.gateway.dispatch('INTERACTION_CREATE', payload);
  return interaction;
}

/** The command as registered (guild first, then global), if the bot or the test registered it. */
export function findCommand(world: World, guildId: string, name: string): RegisteredCommand | undefined {
  const byName = (list: RegisteredCommand[] | undefined) =>
    list?.find((c) => c.name === name && c.type === 1);
  return byName(world.state.commands.get(guildId)) ?? byName(world.state.commands.get('global'));
}

function inferType(value: OptionValue): number {
  if (typeof value === 'string') return OptionType.String;
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return isUser(value) ? OptionType.User : OptionType.Channel;
}

/**
 * The `data` of a slash command or autocomplete interaction. With a registered command, option names,
 * types, choices and required options are checked as the Discord client would; without one, types
 * are inferred from the values.
 */
export function commandData(
  world: World,
  channel: FakeChannel,
  spec: { name: string; subcommand?: string; options?: Record<string, OptionValue>; focused?: string },
): Record<string, unknown> {
  const command = findCommand(world, channel.guildId, spec.name);
  const path = spec.subcommand?.split(' ').filter(Boolean) ?? [];
  let definitions: CommandOptionDefinition[] | undefined = command?.options;
  for (const step of path) {
    const next = definitions?.find((o) => o.name === step && (o.type === 1 || o.type === 2));
    if (command && !next)
      throw new Error(`fake Discord: /${spec.name} has no subcommand ${JSON.stringify(step)}`);
    definitions = next?.options;
  }
  const resolved = {
    users: {} as Record<string, unknown>,
    members: {} as Record<string, unknown>,
    channels: {} as Record<string, unknown>,
  };
  const guild = world.state.guilds.get(channel.guildId);
  const leaf = Object.entries(spec.options ?? {}).map(([name, value]) => {
    const definition = definitions?.find((o) => o.name === name);
    if (command && !definition) {
      const known = (definitions ?? []).map((o) => o.name).join(', ') || 'none';
      throw new Error(
        `fake Discord: /${[spec.name, ...path].join(' ')} has no option ${name} (options: ${known})`,
      );
    }
    const type = definition?.type ?? inferType(value);
    const focused = spec.focused === name;
    let wire: string | number | boolean;
    if (isUser(value)) {
      resolved.users[value.id] = userPayload(value);
      if (guild) {
        const { user: _user, ...member } = memberPayload(world.state, guild, value);
        resolved.members[value.id] = {
          ...member,
          permissions: world.memberPermissions(guild.id, value).toString(),
        };
      }
      wire = value.id;
    } else if (isChannel(value)) {
      resolved.channels[value.id] = { ...channelPayload(value), permissions: '0' };
      wire = value.id;
    } else wire = focused ? String(value) : value;
    if (!focused && definition?.choices && !definition.choices.some((c) => c.value === wire)) {
      throw new Error(`fake Discord: ${JSON.stringify(wire)} is not a choice of option ${name}`);
    }
    const expected: Record<number, string> = { 3: 'string', 4: 'number', 5: 'boolean', 10: 'number' };
    const kind = expected[type];
    if (!focused && kind && typeof wire !== kind)
      throw new Error(`fake Discord: option ${name} needs a ${kind}`);
    return { name, type, value: wire, ...(focused ? { focused: true } : {}) };
  });
  if (spec.focused === undefined) {
    const missing = (definitions ?? []).filter((o) => o.required && !(o.name in (spec.options ?? {})));
    if (missing.length)
      throw new Error(`fake Discord: missing required option(s) ${missing.map((o) => o.name).join(', ')}`);
  }
  let options: Record<string, unknown>[] = leaf;
  for (const [depth, step] of [...path.entries()].reverse()) {
    const type = depth === 0 && path.length === 2 ? OptionType.SubcommandGroup : OptionType.Subcommand;
    options = [{ name: step, type, options }];
  }
  const hasResolved = Object.values(resolved).some((r) => Object.keys(r).length);
  return {
    id: command?.id ?? nextSnowflake(),
    name: spec.name,
    type: 1,
    ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    ...(options.length ? { options } : {}),
    ...(hasResolved ? { resolved } : {}),
  };
}

/** Finds a component with this custom_id anywhere in a message (action rows or components v2). */
export function findComponent(components: unknown, customId: string): Record<string, unknown> | undefined {
  if (Array.isArray(components)) {
    for (const c of components) {
      const found = findComponent(c, customId);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof components !== 'object' || components === null) return undefined;
  const component = components as Record<string, unknown>;
  if (component.custom_id === customId) return component;
  return (
    findComponent(component.components, customId) ??
    findComponent(component.accessory, customId) ??
    findComponent(component.component, customId)
  );
}

/**
 * The `data.components` of a modal submit, mirroring the modal the bot showed: action rows of text
 * inputs, or labels wrapping a text input or a string select; text displays are echoed by id.
 */
export function modalSubmitComponents(
  modalComponents: Record<string, unknown>[],
  fields: Record<string, string | string[]>,
): Record<string, unknown>[] {
  const used = new Set<string>();
  const answer = (input: Record<string, unknown>): Record<string, unknown> => {
    const customId = String(input.custom_id);
    const given = fields[customId];
    used.add(customId);
    if (input.type === 4) {
      const value = typeof given === 'string' ? given : (given?.join(' ') ?? '');
      if (input.required !== false && value === '')
        throw new Error(`fake Discord: modal field ${customId} is required`);
      const max = typeof input.max_length === 'number' ? input.max_length : 4000;
      const min = typeof input.min_length === 'number' ? input.min_length : 0;
      if (value.length > max || (value !== '' && value.length < min)) {
        throw new Error(`fake Discord: modal field ${customId} must be ${min} to ${max} characters`);
      }
      return { type: 4, ...(input.id !== undefined ? { id: input.id } : {}), custom_id: customId, value };
    }
    const values = given === undefined ? [] : Array.isArray(given) ? given : [given];
    return { type: input.type, custom_id: customId, values };
  };
  const out = modalComponents.map((component) => {
    if (component.type === 1) {
      const inputs = (component.components ?? []) as Record<string, unknown>[];
      return {
        type: 1,
        ...(component.id !== undefined ? { id: component.id } : {}),
        components: inputs.map(answer),
      };
    }
    if (component.type === 18) {
      return {
        type: 18,
        ...(component.id !== undefined ? { id: component.id } : {}),
        component: answer(component.component as Record<string, unknown>),
      };
    }
    return { type: component.type, ...(component.id !== undefined ? { id: component.id } : {}) };
  });
  const unknownFields = Object.keys(fields).filter((f) => !used.has(f));
  if (unknownFields.length)
    throw new Error(`fake Discord: the modal has no field(s) ${unknownFields.join(', ')}`);
  return out;
}
