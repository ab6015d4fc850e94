import type { FakeDiscord, FakeMessage } from '../../tests/fake-discord/index.ts';

/**
 * The bot's replies to members' messages, by the message replied to. The fake's event log is read
 * on from where the last look stopped, so that asking costs nothing per event already seen.
 */
export class BotReplies {
  private seen = 0;
  private readonly byMessage = new Map<string, FakeMessage[]>();

  constructor(private readonly fake: FakeDiscord) {}

  /** The bot's replies to `messageId`, oldest first. */
  to(messageId: string): readonly FakeMessage[] {
    const events = this.fake.botEvents;
    for (; this.seen < events.length; this.seen++) {
      const event = events[this.seen]!;
      if (event.kind !== 'message' || event.message.referencedMessageId === null) continue;
      const replied = event.message.referencedMessageId;
      this.byMessage.set(replied, [...(this.byMessage.get(replied) ?? []), event.message]);
    }
    return this.byMessage.get(messageId) ?? [];
  }
}
