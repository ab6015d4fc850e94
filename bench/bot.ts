/**
 * Bot benchmark (`npm run bench:bot`): answers typed in a quiz thread, through the fake Discord and
 * the real discord.js client, recorded in the store DATABASE_URL selects (else PGlite in memory), with
 * read-back images drawn as in production. Reports the time from the MESSAGE_CREATE to the bot's reply
 * (p50/p99) one answer at a time, then answers per second with many users answering at once, then
 * the event loop's delay while a flood of hostile answers (NOTES.md's inputs, nested sums) comes in
 * with the honest ones: the gateway's heartbeats wait that long at worst.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { CARD, RIGHT, WRONG, startHarness } from '../tests/discord/harness.ts';
import { HOSTILE } from '../tests/helpers/hostileInputs.ts';

const SEQUENTIAL = 200;
const USERS = 250;
const CONCURRENCY = 32;

const h = await startHarness();
const { fake } = h;
const quiz = await fake.slashCommand({ user: fake.user('host'), name: 'quiz', options: { card: CARD } });
const thread = fake.channel((await quiz.final(10_000)).id);

/** Posts one answer and resolves with the milliseconds until the bot's reply to it. */
async function answer(user: string, content: string): Promise<number> {
  const since = fake.mark();
  const start = performance.now();
  const posted = fake.postMessage({ user: fake.user(user), channelId: thread.id, content });
  await fake.waitForMessage((m) => m.referencedMessageId === posted.id, 10_000, since);
  return performance.now() - start;
}

/** Each user: two wrong answers (❌ and a read-back image), part 1 right, part 2 right (both hidden). */
const script = (i: number) => [`${WRONG} + ${i % 5}`, `||${WRONG}||`, RIGHT, `\`${RIGHT}\``];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

// Warm-up: the renderer's first read-back and the store's first statements.
for (const content of script(0)) await answer('warmup', content);

const one: number[] = [];
for (let i = 0; one.length < SEQUENTIAL; i++) {
  for (const content of script(i)) one.push(await answer(`solo${i}`, content));
}
one.sort((a, b) => a - b);

const all: number[] = [];
const queue = Array.from({ length: USERS }, (_, i) => i);
const started = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      for (const content of script(i)) all.push(await answer(`user${i}`, content));
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
all.sort((a, b) => a - b);

// The flood: users send hostile inputs (in code blocks, so each is taken as an answer; at most
// Discord's 2,000 characters), then an honest answer, many at once.
const hostile = HOSTILE.filter((input) => input.length <= 1990).map((input) => `\`${input}\``);
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const flood: number[] = [];
const floodQueue = Array.from({ length: USERS }, (_, i) => i);
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let i = floodQueue.shift(); i !== undefined; i = floodQueue.shift()) {
      for (const content of [...hostile.slice(i % 8, (i % 8) + 3), `${WRONG} + ${i % 7}`])
        flood.push(await answer(`flood${i}`, content));
    }
  }),
);
delay.disable();
flood.sort((a, b) => a - b);
const ms = (ns: number) => fmt(ns / 1e6);
const rows = (await h.attempts()).length;
fake.assertNoErrors();
await h.close();

console.log(`store: ${process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite (in memory)'}; card ${CARD}`);
console.log(
  `one at a time (${one.length} answers): MESSAGE_CREATE → reply p50 ${fmt(percentile(one, 50))}, p99 ${fmt(percentile(one, 99))}`,
);
console.log(
  `${CONCURRENCY} at once (${all.length} answers by ${USERS} users): ${(all.length / seconds).toFixed(0)} answers/s, p50 ${fmt(percentile(all, 50))}, p99 ${fmt(percentile(all, 99))}`,
);
console.log(
  `hostile flood (${flood.length} answers, ${CONCURRENCY} at once): reply p99 ${fmt(percentile(flood, 99))}; event-loop delay p50 ${ms(delay.percentile(50))}, p99 ${ms(delay.percentile(99))}, max ${ms(delay.max)} (goal: p99 ≤ 50 ms)`,
);
console.log(`attempts recorded: ${rows}`);
