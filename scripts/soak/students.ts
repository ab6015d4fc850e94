import { setTimeout as sleep } from 'node:timers/promises';
import type {
  DispatchRecord,
  FakeChannel,
  FakeDiscord,
  FakeInteraction,
} from '../../tests/fake-discord/index.ts';
import { randomAnswer, type AnswerKind } from './answers.ts';
import { BotReplies } from './botReplies.ts';

/** One version of a thread message: as posted, or as edited (graded again under its own id). */
export interface SentMessage {
  readonly messageId: string;
  /** `discord:message:<id>` or `discord:message:<id>:edit:<edited_timestamp>`, as the bot names it. */
  readonly externalId: string;
  readonly kind: AnswerKind;
  readonly at: number;
}

/** An interaction a student started: a private answer (`/answer`, the modal) or the Answer click. */
export interface SentInteraction {
  readonly interaction: FakeInteraction;
  readonly kind: 'slash' | 'click' | 'modal';
}

/** Everything the students did, for the reconciliation. */
export interface StudentLog {
  readonly messages: SentMessage[];
  readonly interactions: SentInteraction[];
  redeliveries: number;
}

/** A student's pause between two actions, in ms: a minute on average. */
const THINK_MS = { min: 20_000, max: 100_000 };
/** A student edits only an answer the bot replied to, and only a recent one. */
const EDIT_WITHIN_MS = 60_000;

interface Student {
  readonly name: string;
  readonly thread: FakeChannel;
  /** The student's last answer message still open to an edit, with its MESSAGE_CREATE. */
  last?: { id: string; at: number; dispatch: DispatchRecord; edited: boolean };
}

/**
 * `users` students spread over the quiz threads, each acting about once a minute until `until`:
 * answering in the thread (right, wrong, invalid, hostile, or chatting), privately with `/answer` or
 * the Answer button and its modal, editing an answer the bot already replied to, and now and then
 * the gateway delivering one of their messages again.
 */
export async function runStudents(
  fake: FakeDiscord,
  threads: readonly FakeChannel[],
  options: { users: number; until: number; random: () => number },
): Promise<StudentLog> {
  const log: StudentLog = { messages: [], interactions: [], redeliveries: 0 };
  const { random } = options;
  const replies = new BotReplies(fake);
  const think = () => THINK_MS.min + random() * (THINK_MS.max - THINK_MS.min);

  const act = async (student: Student): Promise<void> => {
    const roll = random();
    if (roll < 0.1 && student.last && canEdit(fake, replies, student.last)) {
      const last = student.last;
      last.edited = true;
      const { content, kind } = randomAnswer(random, 'thread');
      if (kind === 'chat') return;
      const edited = fake.editMessage({ messageId: last.id, content });
      const stamp = edited.editedAt!.toISOString();
      log.messages.push({
        messageId: last.id,
        externalId: `discord:message:${last.id}:edit:${stamp}`,
        kind,
        at: edited.editedAt!.getTime(),
      });
    } else if (roll < 0.15 && student.last) {
      fake.redeliver(student.last.dispatch);
      log.redeliveries++;
    } else if (roll < 0.3) {
      const { content } = randomAnswer(random, 'private');
      await interact(log, fake, 'slash', () =>
        fake.slashCommand({
          user: fake.user(student.name),
          name: 'answer',
          channelId: student.thread.id,
          options: { expression: content },
        }),
      );
    } else if (roll < 0.45) {
      const user = fake.user(student.name);
      const customId = answerButtonOf(fake, student.thread);
      const shown = await interact(log, fake, 'click', () =>
        fake.clickButton({ user, messageId: student.thread.id, customId }),
      );
      if (!shown) return;
      const { content } = randomAnswer(random, 'private');
      await interact(log, fake, 'modal', () =>
        fake.submitModal({
          user,
          customId: customId.replace(/^answer:/, 'answer-modal:'),
          fields: { expression: content },
        }),
      );
    } else {
      const { content, kind } = randomAnswer(random, 'thread');
      const message = fake.postMessage({
        user: fake.user(student.name),
        channelId: student.thread.id,
        content,
      });
      log.messages.push({
        messageId: message.id,
        externalId: `discord:message:${message.id}`,
        kind,
        at: message.createdAt.getTime(),
      });
      const dispatch = fake.lastDispatch('MESSAGE_CREATE');
      if (kind !== 'chat') student.last = { id: message.id, at: Date.now(), dispatch, edited: false };
    }
  };

  const students: Student[] = Array.from({ length: options.users }, (_, i) => ({
    name: `student${i}`,
    thread: threads[i % threads.length]!,
  }));
  await Promise.all(
    students.map(async (student) => {
      // Spread over the first pause, so that the load is even from the start.
      for (let at = Date.now() + random() * think(); at < options.until; at = Date.now() + think()) {
        await sleep(at - Date.now());
        if (Date.now() >= options.until) return;
        await act(student);
      }
    }),
  );
  return log;
}

/** An edit of the last answer: once, soon after, and only once the bot replied (as a student would). */
function canEdit(fake: FakeDiscord, replies: BotReplies, last: NonNullable<Student['last']>): boolean {
  if (last.edited || Date.now() - last.at > EDIT_WITHIN_MS) return false;
  const message = fake.message(last.id);
  return message !== undefined && !message.deleted && replies.to(last.id).length > 0;
}

/** The custom id of the Answer button on a quiz post (the thread's starter message). */
function answerButtonOf(fake: FakeDiscord, thread: FakeChannel): string {
  const rows = fake.message(thread.id)!.components as { components: { custom_id?: string }[] }[];
  const id = rows.flatMap((row) => row.components).find((c) => c.custom_id?.startsWith('answer:'))?.custom_id;
  if (!id) throw new Error(`the quiz post ${thread.id} has no Answer button`);
  return id;
}

/**
 * Starts an interaction and logs it; resolves whether the bot acknowledged it in time. One that was
 * not is judged by the reconciliation (lost, or lost at a kill).
 */
async function interact(
  log: StudentLog,
  fake: FakeDiscord,
  kind: SentInteraction['kind'],
  start: () => Promise<unknown>,
): Promise<boolean> {
  const pending = start();
  // The helper dispatches at once: the newest interaction is this one.
  const interaction = [...fake.state.interactions.values()].at(-1)!;
  log.interactions.push({ interaction, kind });
  return pending.then(
    () => true,
    () => false,
  );
}
