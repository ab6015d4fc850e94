import { performance } from 'node:perf_hooks';
import { DiscordApiError, ErrorCode, invalidBody, unknown } from './errors.ts';
import { messagePayload } from './payloads.ts';
import { checkFlags } from './rest.ts';
import { parseBody, type Route, type RouteResult, type UploadedFile } from './router.ts';
import {
  autocompleteBody,
  callbackBody,
  deferBody,
  messageBody,
  messageEditBody,
  modalBody,
} from './schemas.ts';
import { InteractionKind, type CallbackRecord, type FakeInteraction, type FakeMessage } from './state.ts';
import { MessageFlag, type World } from './world.ts';

/** Interaction callback types (Discord's numbers). */
export const CallbackType = {
  Reply: 4,
  DeferredReply: 5,
  DeferredUpdate: 6,
  Update: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

/** Which callbacks Discord accepts for which interaction type. */
const ALLOWED: Record<number, readonly number[]> = {
  [InteractionKind.Command]: [4, 5, 9],
  [InteractionKind.Component]: [4, 5, 6, 7, 9],
  [InteractionKind.Autocomplete]: [8],
  [InteractionKind.ModalSubmit]: [4, 5, 6, 7],
};

const INTERACTION_MESSAGE_FLAGS =
  MessageFlag.SuppressEmbeds |
  MessageFlag.Ephemeral |
  MessageFlag.SuppressNotifications |
  MessageFlag.ComponentsV2;

/**
 * Interaction callbacks and the interaction webhook (`@original`, followups). None of them needs the
 * bot token: the interaction token authorises them.
 */
export function interactionRoutes(world: World, deadlineMs: number): Route[] {
  const { state } = world;

  const interactionMessage = (
    interaction: FakeInteraction,
    flags: number,
    files: UploadedFile[],
    body = {},
  ): FakeMessage =>
    world.createMessage({
      channel: world.channel(interaction.channelId),
      author: state.bot,
      body,
      files,
      flags,
      type: interaction.type === InteractionKind.Command ? 20 : 0,
      interaction: { id: interaction.id, type: interaction.type, userId: interaction.user.id },
      webhookId: state.applicationId,
    });

  /** The interaction behind a webhook token, once it has been acknowledged. */
  const webhookInteraction = (app: string | undefined, token: string | undefined): FakeInteraction => {
    const interaction = state.interactionByToken(token ?? '');
    if (app !== state.applicationId || !interaction?.callback) throw unknown('Webhook');
    return interaction;
  };

  const webhookMessage = (interaction: FakeInteraction, id: string | undefined): FakeMessage => {
    const messageId = id === '@original' ? interaction.originalMessageId : id;
    const owned =
      messageId === interaction.originalMessageId || interaction.followupIds.includes(messageId ?? '');
    const message = messageId && owned ? state.messages.get(messageId) : undefined;
    if (!message || message.deleted) throw unknown('Message');
    return message;
  };

  const callback = (ctx: {
    params: Record<string, string>;
    query: URLSearchParams;
    body: unknown;
    files: UploadedFile[];
  }): RouteResult => {
    const interaction = state.interactions.get(ctx.params.interactionId ?? '');
    if (!interaction || interaction.token !== ctx.params.token) {
      throw new DiscordApiError('state', 404, ErrorCode.UnknownInteraction, 'Unknown interaction');
    }
    if (interaction.callback) {
      throw new DiscordApiError(
        'state',
        400,
        ErrorCode.InteractionAlreadyAcknowledged,
        'Interaction has already been acknowledged.',
      );
    }
    const elapsedMs = performance.now() - interaction.dispatchedAt;
    if (elapsedMs > deadlineMs) {
      throw new DiscordApiError(
        'state',
        404,
        ErrorCode.UnknownInteraction,
        `Unknown interaction (answered after ${Math.round(elapsedMs)} ms, past the ${deadlineMs} ms deadline)`,
      );
    }
    const { type, data } = parseBody(callbackBody, ctx.body);
    if (!ALLOWED[interaction.type]?.includes(type)) {
      throw invalidBody(`type: callback ${type} is not valid for interaction type ${interaction.type}`);
    }
    const fromMessage = interaction.messageId ? state.messages.get(interaction.messageId) : undefined;
    if ((type === CallbackType.DeferredUpdate || type === CallbackType.Update) && !fromMessage) {
      throw invalidBody(`type: callback ${type} needs an interaction on a message`);
    }
    if (ctx.files.length && type !== CallbackType.Reply && type !== CallbackType.Update) {
      throw invalidBody(`files are not allowed with callback ${type}`);
    }
    let stored: Record<string, unknown> = {};
    let original: FakeMessage | undefined;
    switch (type) {
      case CallbackType.Reply: {
        const body = parseBody(messageBody, data ?? {});
        checkFlags(body.flags, INTERACTION_MESSAGE_FLAGS);
        original = interactionMessage(interaction, body.flags ?? 0, ctx.files, body);
        stored = body;
        break;
      }
      case CallbackType.DeferredReply: {
        const flags = parseBody(deferBody, data)?.flags ?? 0;
        checkFlags(flags, MessageFlag.Ephemeral | MessageFlag.ComponentsV2);
        // Discord shows "thinking…" as a loading message until the first edit or followup.
        original = interactionMessage(interaction, flags | MessageFlag.Loading, []);
        stored = { flags };
        break;
      }
      case CallbackType.DeferredUpdate:
        if (data !== undefined && JSON.stringify(data) !== '{}')
          throw invalidBody('data: not allowed with callback 6');
        original = fromMessage;
        break;
      case CallbackType.Update: {
        const body = parseBody(messageEditBody, data ?? {});
        checkFlags(body.flags, MessageFlag.SuppressEmbeds | MessageFlag.ComponentsV2);
        original = fromMessage && world.editMessage(fromMessage, body, ctx.files);
        stored = body;
        break;
      }
      case CallbackType.AutocompleteResult:
        stored = parseBody(autocompleteBody, data);
        break;
      case CallbackType.Modal:
        stored = parseBody(modalBody, data);
        break;
    }
    const record: CallbackRecord = {
      type,
      data: stored,
      attachments: original && type === CallbackType.Reply ? original.attachments : [],
      withResponse: ctx.query.get('with_response') === 'true',
      at: new Date(),
      elapsedMs,
    };
    interaction.callback = record;
    interaction.originalMessageId = original?.id ?? null;
    world.events.push({ kind: 'callback', interaction, callback: record });
    if (!record.withResponse) return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: interaction.id,
          type: interaction.type,
          ...(original
            ? {
                response_message_id: original.id,
                response_message_loading: Boolean(original.flags & MessageFlag.Loading),
                response_message_ephemeral: original.ephemeral,
              }
            : {}),
        },
        resource: { type, ...(original ? { message: messagePayload(state, original) } : {}) },
      },
    };
  };

  return [
    {
      method: 'POST',
      pattern: '/interactions/:interactionId/:token/callback',
      auth: false,
      handler: callback,
    },
    {
      method: 'POST',
      pattern: '/webhooks/:app/:token',
      auth: false,
      handler: ({ params, query, body, files }) => {
        const interaction = webhookInteraction(params.app, params.token);
        if (query.has('thread_id')) throw invalidBody('thread_id: not valid for interaction webhooks');
        const parsed = parseBody(messageBody, body ?? {});
        checkFlags(parsed.flags, INTERACTION_MESSAGE_FLAGS);
        const original = interaction.originalMessageId
          ? state.messages.get(interaction.originalMessageId)
          : undefined;
        let message: FakeMessage;
        if (original && original.flags & MessageFlag.Loading) {
          // The first followup after a deferred reply replaces the "thinking…" message (its flags are ignored).
          const { flags: _ignored, ...edit } = parsed;
          message = world.editMessage(original, edit, files);
        } else {
          message = interactionMessage(interaction, parsed.flags ?? 0, files, parsed);
          interaction.followupIds.push(message.id);
        }
        return query.get('wait') === 'true'
          ? { status: 200, body: messagePayload(state, message) }
          : { status: 204 };
      },
    },
    {
      method: 'GET',
      pattern: '/webhooks/:app/:token/messages/:messageId',
      auth: false,
      handler: ({ params }) => {
        const interaction = webhookInteraction(params.app, params.token);
        return { status: 200, body: messagePayload(state, webhookMessage(interaction, params.messageId)) };
      },
    },
    {
      method: 'PATCH',
      pattern: '/webhooks/:app/:token/messages/:messageId',
      auth: false,
      handler: ({ params, body, files }) => {
        const interaction = webhookInteraction(params.app, params.token);
        const message = webhookMessage(interaction, params.messageId);
        const edit = parseBody(messageEditBody, body ?? {});
        checkFlags(edit.flags, MessageFlag.SuppressEmbeds | MessageFlag.ComponentsV2);
        return { status: 200, body: messagePayload(state, world.editMessage(message, edit, files)) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/webhooks/:app/:token/messages/:messageId',
      auth: false,
      handler: ({ params }) => {
        const interaction = webhookInteraction(params.app, params.token);
        world.deleteMessage(webhookMessage(interaction, params.messageId), true);
        return { status: 204 };
      },
    },
  ];
}
