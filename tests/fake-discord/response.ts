import type { APIEmbed } from 'discord.js';
import { CallbackType } from './callbacks.ts';
import type { BotEvent, EventLog } from './events.ts';
import type { CallbackRecord, FakeAttachment, FakeInteraction, FakeMessage, State } from './state.ts';
import { MessageFlag } from './world.ts';

/**
 * The bot's answer to one interaction, from its first callback on. The getters describe that
 * callback; `message()`, `final()` and `followup()` follow what the bot did afterwards.
 */
export class InteractionResponse {
  constructor(
    private readonly state: State,
    private readonly events: EventLog,
    /** The interaction as the fake dispatched it (id, token, user, channel, payload). */
    readonly interaction: FakeInteraction,
    /** The accepted callback. */
    readonly callback: CallbackRecord,
    /** Position of the callback in the bot-event log; later edits and followups come after it. */
    private readonly seq: number,
  ) {}

  /** 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete result, 9 modal. */
  get type(): number {
    return this.callback.type;
  }

  /** Milliseconds from dispatch to callback (Discord's limit is 3000). */
  get elapsedMs(): number {
    return this.callback.elapsedMs;
  }

  /** A deferred reply (5) or deferred update (6): the content comes with a later edit — see `final()`. */
  get deferred(): boolean {
    return this.type === CallbackType.DeferredReply || this.type === CallbackType.DeferredUpdate;
  }

  /** The callback's message flags (64 = ephemeral). */
  get flags(): number {
    const flags = this.callback.data.flags;
    return typeof flags === 'number' ? flags : 0;
  }

  /** Only the invoking user sees the response (flags & 64 on a reply or deferred reply). */
  get ephemeral(): boolean {
    return Boolean(this.flags & MessageFlag.Ephemeral);
  }

  /** The content sent with a reply (4) or update (7). */
  get content(): string | undefined {
    const content = this.callback.data.content;
    return typeof content === 'string' ? content : undefined;
  }

  get embeds(): APIEmbed[] {
    return (this.callback.data.embeds ?? []) as APIEmbed[];
  }

  get components(): Record<string, unknown>[] {
    return (this.callback.data.components ?? []) as Record<string, unknown>[];
  }

  /** Files uploaded with a reply. */
  get attachments(): FakeAttachment[] {
    return this.callback.attachments;
  }

  /** Autocomplete choices (callback 8). */
  get choices(): { name: string; value: string | number }[] | undefined {
    return this.type === CallbackType.AutocompleteResult
      ? (this.callback.data.choices as { name: string; value: string | number }[])
      : undefined;
  }

  /** The modal shown (callback 9). */
  get modal(): { customId: string; title: string; components: Record<string, unknown>[] } | undefined {
    if (this.type !== CallbackType.Modal) return undefined;
    const data = this.callback.data;
    return {
      customId: String(data.custom_id),
      title: String(data.title),
      components: data.components as Record<string, unknown>[],
    };
  }

  /** The `@original` message as it is now (for 6 and 7: the component's message), if any. */
  message(): FakeMessage | undefined {
    const id = this.interaction.originalMessageId;
    return id ? this.state.messages.get(id) : undefined;
  }

  /**
   * The settled `@original` message: at once for a reply or update; for a deferred reply, once the bot
   * edits it (or sends its first followup); for a deferred update, once the bot edits the message.
   * Resolves with the message marked `deleted` if the bot deletes it instead.
   */
  async final(timeoutMs = 2000): Promise<FakeMessage> {
    const original = this.message();
    if (!original) throw new Error(`fake Discord: callback ${this.type} has no message to settle`);
    if (this.type === CallbackType.Reply || this.type === CallbackType.Update) return original;
    if (this.type === CallbackType.DeferredReply && !(original.flags & MessageFlag.Loading)) return original;
    const settled = (e: BotEvent): boolean =>
      (e.kind === 'edit' || e.kind === 'delete') && e.message === original;
    await this.events.waitFor(settled, timeoutMs, this.seq);
    return original;
  }

  /** Followup messages sent so far, oldest first. */
  followups(): FakeMessage[] {
    return this.interaction.followupIds.flatMap((id) => this.state.messages.get(id) ?? []);
  }

  /** The `index`-th followup (0 is the first), waiting for it if needed. */
  async followup(index = 0, timeoutMs = 2000): Promise<FakeMessage> {
    let seen = 0;
    // Events are tested in order, so counting matches finds the index-th followup.
    const isFollowup = (e: BotEvent): boolean =>
      e.kind === 'message' &&
      e.message.interaction?.id === this.interaction.id &&
      e.message.id !== this.interaction.originalMessageId &&
      seen++ === index;
    const event = await this.events.waitFor(isFollowup, timeoutMs, this.seq);
    if (event.kind !== 'message') throw new Error('unreachable');
    return event.message;
  }
}

/** Everything a user reads in a message: content, embed texts, field names and values, button labels. */
export function textOf(message: Pick<FakeMessage, 'content' | 'embeds' | 'components'>): string {
  const parts: string[] = [message.content];
  for (const embed of message.embeds) {
    parts.push(
      embed.author?.name ?? '',
      embed.title ?? '',
      embed.description ?? '',
      embed.footer?.text ?? '',
    );
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  const walk = (component: unknown): void => {
    if (Array.isArray(component)) return component.forEach(walk);
    if (typeof component !== 'object' || component === null) return;
    const c = component as Record<string, unknown>;
    if (typeof c.label === 'string') parts.push(c.label);
    if (typeof c.content === 'string') parts.push(c.content);
    walk(c.components);
    walk(c.accessory);
  };
  walk(message.components);
  return parts.filter(Boolean).join('\n');
}
