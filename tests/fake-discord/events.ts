import type { CallbackRecord, FakeChannel, FakeInteraction, FakeMessage } from './state.ts';

/** Something the bot did, as the fake saw it. Messages are live records: they show later edits too. */
export type BotEvent =
  | { kind: 'message'; seq: number; at: Date; message: FakeMessage }
  | { kind: 'edit'; seq: number; at: Date; message: FakeMessage }
  | { kind: 'delete'; seq: number; at: Date; message: FakeMessage }
  | { kind: 'reaction'; seq: number; at: Date; message: FakeMessage; emoji: string }
  | { kind: 'unreaction'; seq: number; at: Date; message: FakeMessage; emoji: string }
  | { kind: 'thread'; seq: number; at: Date; thread: FakeChannel }
  | { kind: 'callback'; seq: number; at: Date; interaction: FakeInteraction; callback: CallbackRecord };

type NewEvent = BotEvent extends infer E ? (E extends BotEvent ? Omit<E, 'seq' | 'at'> : never) : never;

interface Waiter {
  predicate: (event: BotEvent) => boolean;
  resolve: (event: BotEvent) => void;
}

/** The ordered log of bot actions, with waiting. */
export class EventLog {
  readonly events: BotEvent[] = [];
  private waiters = new Set<Waiter>();

  push(event: NewEvent): BotEvent {
    const full = { ...event, seq: this.events.length, at: new Date() } as BotEvent;
    this.events.push(full);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(full)) {
        this.waiters.delete(waiter);
        waiter.resolve(full);
      }
    }
    return full;
  }

  /** The first event from `since` on (a `seq`, default 0: the whole log) matching, waiting if none yet. */
  waitFor<E extends BotEvent>(
    predicate: ((event: BotEvent) => event is E) | ((event: BotEvent) => boolean),
    timeoutMs: number,
    since = 0,
  ): Promise<E> {
    const past = this.events.slice(since).find(predicate);
    if (past) return Promise.resolve(past as E);
    return new Promise<E>((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event as E);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new Error(
            `fake Discord: nothing matched within ${timeoutMs} ms; recent bot events:\n${this.describeRecent()}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The last few events in one line each, for timeout messages. */
  describeRecent(count = 10): string {
    const lines = this.events.slice(-count).map((e) => {
      switch (e.kind) {
        case 'thread':
          return `#${e.seq} thread ${e.thread.id} "${e.thread.name}" in ${e.thread.parentId}`;
        case 'callback':
          return `#${e.seq} callback type ${e.callback.type} to interaction ${e.interaction.id}`;
        case 'reaction':
        case 'unreaction':
          return `#${e.seq} ${e.kind} ${e.emoji} on ${e.message.id}`;
        default:
          return `#${e.seq} ${e.kind} ${e.message.id} in ${e.message.channelId}: ${JSON.stringify(e.message.content)}`;
      }
    });
    return lines.length ? lines.join('\n') : '(none)';
  }
}
