import type { FakeDiscord, FakeMessage } from '../../tests/fake-discord/index.ts';
import type { QuizRecord } from '../../src/app/index.ts';
import { answerSay, errorSay } from '../../src/adapters/discord/messages.ts';
import type { BotReplies } from './botReplies.ts';
import type { SentMessage, StudentLog } from './students.ts';

/** An `Attempt` row, as the reconciliation needs it. */
export interface AttemptRow {
  readonly externalId: string;
}

/** What the soak counts; any of `lost`, `doubled`, `repliesMissing`, `stray` above 0 fails it. */
export interface Reconciliation {
  /** Answers sent: thread messages (and their edits) that are answers, and private answers. */
  answers: number;
  lost: number;
  doubled: number;
  repliesMissing: number;
  /** Interactions never acknowledged because the bot was killed (or down) meanwhile. */
  lostAtKills: number;
  /** Rows no answer accounts for, and chat the bot answered. */
  stray: number;
  /** From an answer (or an edit) to the bot's reply, ms, sorted. */
  latencies: number[];
  /** A line per answer found wrong, to start the search from. */
  problems: string[];
}

/** Discord's "thinking…" flag on a deferred reply's message, cleared by its first edit. */
const LOADING = 128;
/** An interaction whose dispatch was this close before a kill may have been cut off by it. */
const KILL_REACH_MS = 30_000;

/** A reply that says the answer was not counted, rightly: the rate limit, or every part solved. */
const NOT_COUNTED = [
  answerSay.notGraded({ kind: 'slow_down', limit: 1 }),
  answerSay.notGraded({ kind: 'quiz_finished', quiz: { cardId: '' } as QuizRecord }),
].map((text) => text.slice(0, 20));
/** A reply that says something went wrong: the answer was not counted, and should have been. */
const FAILED = [errorSay('').slice(0, 20), answerSay.storeBusy.slice(0, 20)];

type ReplyKind = 'verdict' | 'not counted' | 'failed';

function replyKind(content: string): ReplyKind {
  const start = content.slice(0, 20);
  if (NOT_COUNTED.includes(start)) return 'not counted';
  if (FAILED.includes(start)) return 'failed';
  return 'verdict';
}

/**
 * Every answer sent is matched with its `Attempt` rows (by externalId) and the bot's replies: one
 * row and one verdict reply each, or no row and a reply saying why it was rightly not counted.
 */
export function reconcile(input: {
  fake: FakeDiscord;
  replies: BotReplies;
  log: StudentLog;
  attempts: readonly AttemptRow[];
  kills: readonly number[];
  wasDownAt: (time: number) => boolean;
}): Reconciliation {
  const { fake, replies, log } = input;
  const rows = new Map<string, number>();
  for (const { externalId } of input.attempts) rows.set(externalId, (rows.get(externalId) ?? 0) + 1);
  const accounted = new Set<string>();
  const result: Reconciliation = {
    answers: 0,
    lost: 0,
    doubled: 0,
    repliesMissing: 0,
    lostAtKills: 0,
    stray: 0,
    latencies: [],
    problems: [],
  };
  const problem = (what: string, detail: string): void => {
    result.problems.push(`${what}: ${detail}`);
  };

  const versions = new Map<string, SentMessage[]>();
  for (const sent of log.messages)
    versions.set(sent.messageId, [...(versions.get(sent.messageId) ?? []), sent]);
  for (const [messageId, sent] of versions) {
    const said = replies.to(messageId);
    const kinds = said.map((reply) => replyKind(reply.content));
    let graded = 0;
    for (const version of sent) {
      const count = rows.get(version.externalId) ?? 0;
      accounted.add(version.externalId);
      if (version.kind === 'chat') {
        result.stray += count + said.length;
        continue;
      }
      result.answers++;
      if (count > 1) result.doubled++;
      if (count > 0) graded++;
      const first = said.find((reply) => reply.createdAt.getTime() >= version.at);
      if (first) result.latencies.push(first.createdAt.getTime() - version.at);
    }
    const answersSent = sent.filter((version) => version.kind !== 'chat').length;
    const notCounted = kinds.filter((kind) => kind === 'not counted').length;
    const lost = Math.max(0, answersSent - graded - notCounted);
    const missing = Math.max(0, graded - kinds.filter((kind) => kind === 'verdict').length);
    const doubled = Math.max(0, said.length - sent.length);
    if (lost + missing + doubled > 0) {
      const replied = said.map((reply) => JSON.stringify(reply.content.slice(0, 60))).join(', ');
      const ids = sent
        .map((v) => `${v.externalId} (${v.kind}, ${rows.get(v.externalId) ?? 0} rows)`)
        .join(', ');
      problem(
        lost ? 'lost' : missing ? 'reply missing' : 'doubled reply',
        `${ids}; replies: ${replied || 'none'}`,
      );
    }
    result.lost += lost;
    result.repliesMissing += missing;
    result.doubled += doubled;
  }

  for (const { interaction, kind } of log.interactions) {
    const dispatchedAt = performance.timeOrigin + interaction.dispatchedAt;
    const original: FakeMessage | undefined = interaction.originalMessageId
      ? fake.state.messages.get(interaction.originalMessageId)
      : undefined;
    const settled =
      kind === 'click'
        ? interaction.callback?.type === 9
        : original !== undefined && !(original.flags & LOADING);
    const externalId = `discord:interaction:${interaction.id}`;
    const count = rows.get(externalId) ?? 0;
    accounted.add(externalId);
    if (kind !== 'click') result.answers++;
    if (count > 1) result.doubled++;
    if (!settled) {
      const cutOff =
        input.wasDownAt(dispatchedAt) ||
        input.kills.some((k) => k >= dispatchedAt && k - dispatchedAt < KILL_REACH_MS);
      if (cutOff) result.lostAtKills++;
      else {
        result.lost++;
        problem('lost', `${externalId} (${kind}) never acknowledged`);
      }
      continue;
    }
    if (kind === 'click' || !original) continue;
    result.latencies.push((original.editedAt ?? original.createdAt).getTime() - dispatchedAt);
    const said = replyKind(original.content);
    if (count === 0 && said !== 'not counted') {
      result.lost++;
      problem('lost', `${externalId} (${kind}): ${JSON.stringify(original.content.slice(0, 60))}`);
    }
    if (count === 1 && said !== 'verdict') {
      result.repliesMissing++;
      problem('reply missing', `${externalId} (${kind}): ${JSON.stringify(original.content.slice(0, 60))}`);
    }
  }

  result.stray += [...rows.keys()].filter((id) => !accounted.has(id)).length;
  result.latencies.sort((a, b) => a - b);
  return result;
}
