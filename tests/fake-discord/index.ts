/** A fake Discord (REST v10 + gateway v10 on loopback) for driving the real discord.js client in tests. */
export {
  FakeDiscord,
  startFakeDiscord,
  type AwaitOptions,
  type FakeDiscordOptions,
  type UserAttachment,
} from './server.ts';
export { InteractionResponse, textOf } from './response.ts';
export type { BotEvent } from './events.ts';
export type { DispatchRecord, IdentifyRecord } from './gateway.ts';
export type { ProtocolError, ProtocolErrorKind } from './errors.ts';
export type { InteractionInput, OptionValue } from './interactions.ts';
export type { RequestRecord } from './router.ts';
export type {
  CallbackRecord,
  FakeAttachment,
  FakeChannel,
  FakeGuild,
  FakeInteraction,
  FakeMessage,
  FakeReaction,
  FakeUser,
  RegisteredCommand,
} from './state.ts';
export { CallbackType } from './callbacks.ts';
export { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from './permissions.ts';
export { snowflakeDate } from './snowflake.ts';
