/**
 * What went wrong in one rejected request or gateway frame:
 * - `route`: no such route in the fake's table (or a wrong API version);
 * - `body`: the body failed the route's schema or one of Discord's limits;
 * - `auth`: missing or wrong token;
 * - `state`: the request names something that does not exist or is in the wrong state
 *   (unknown message, interaction already acknowledged, answered after the 3 s deadline, …);
 * - `permission`: the bot lacks a permission Discord would check;
 * - `gateway`: a malformed or unexpected gateway frame.
 */
export type ProtocolErrorKind = 'route' | 'body' | 'auth' | 'state' | 'permission' | 'gateway';

/** One request or frame the fake rejected, recorded so the test can fail on it. */
export interface ProtocolError {
  kind: ProtocolErrorKind;
  /** `GET /channels/123/messages` or `gateway op 2`. */
  where: string;
  /** HTTP status sent back (or the gateway close code). */
  status: number;
  /** Discord's JSON error code (10008 Unknown Message, 50035 Invalid Form Body, …). */
  code: number;
  message: string;
  /** Field-level details, e.g. which schema path failed. */
  detail?: unknown;
  at: Date;
}

/** Thrown by route handlers; the router turns it into a Discord-style JSON error and a ProtocolError. */
export class DiscordApiError extends Error {
  constructor(
    readonly kind: ProtocolErrorKind,
    readonly status: number,
    readonly code: number,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
  }
}

/** Discord's error codes used by the fake, named as in Discord's documentation. */
export const ErrorCode = {
  UnknownApplication: 10002,
  UnknownChannel: 10003,
  UnknownGuild: 10004,
  UnknownMember: 10007,
  UnknownMessage: 10008,
  UnknownUser: 10013,
  UnknownEmoji: 10014,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  RequestTooLarge: 40005,
  InteractionAlreadyAcknowledged: 40060,
  CannotEditOthersMessage: 50005,
  EmptyMessage: 50006,
  MissingPermissions: 50013,
  InvalidFormBody: 50035,
  ThreadAlreadyCreated: 160004,
} as const;

export const unknown = (
  what: 'Application' | 'Channel' | 'Guild' | 'Member' | 'Message' | 'User' | 'Webhook',
): DiscordApiError => new DiscordApiError('state', 404, ErrorCode[`Unknown${what}`], `Unknown ${what}`);

export const invalidBody = (message: string, detail?: unknown): DiscordApiError =>
  new DiscordApiError('body', 400, ErrorCode.InvalidFormBody, `Invalid Form Body: ${message}`, detail);

export const missingPermissions = (permission: string): DiscordApiError =>
  new DiscordApiError('permission', 403, ErrorCode.MissingPermissions, `Missing Permissions (${permission})`);
