// `npm run bench:store`: graded answers per second through the application layer (submitAnswer: lock,
// rate limit, attempt, progress, FSRS, points in one transaction) on the database DATABASE_URL selects,
// in a fresh database of its own. The grader is a stub: this measures the store, not mathjs.
// BENCH_ANSWERS, BENCH_CONCURRENCY, BENCH_USERS and BENCH_CARDS change the load (one user, one card: races).
import { performance } from 'node:perf_hooks';

import { openDatabase, prismaStore } from '../src/adapters/store/index.ts';
import { startQuiz, submitAnswer, syncCards, type QuizRecord } from '../src/app/index.ts';
import { createAppContext } from '../src/main/appContext.ts';
import { seededRng } from '../src/core/random/rng.ts';
import { fakeCard, fakeGrader } from '../tests/support/fakeCards.ts';
import { createTestDatabase } from '../tests/support/testDatabase.ts';

const ANSWERS = Number(process.env['BENCH_ANSWERS'] ?? 3000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const USERS = Number(process.env['BENCH_USERS'] ?? 200);

const test = await createTestDatabase();
const db = await openDatabase(test.config);
try {
  const cards = Array.from({ length: Number(process.env['BENCH_CARDS'] ?? 20) }, (_, i) =>
    fakeCard(`bench${i}`, { parts: ['1', '2'], difficulty: 1 + (i % 5) }),
  );
  const byId = new Map(cards.map((card) => [card.id, card]));
  const ctx = createAppContext(
    { GRADQUIZ_ANSWERS_PER_MINUTE: 1_000_000 },
    {
      store: (deps) => prismaStore(db, deps),
      catalog: { get: (id) => byId.get(id), all: () => cards },
      rng: seededRng(7),
      grade: fakeGrader,
    },
  );
  await syncCards(ctx, cards);
  const quizzes: QuizRecord[] = [];
  for (const card of cards) {
    const started = await startQuiz(ctx, {
      user: { id: 'host', displayName: 'Host' },
      guildId: 'bench',
      channelId: 'ch',
      cardId: card.id,
    });
    if (started.kind === 'started') quizzes.push(started.quiz);
  }

  const latencies: number[] = [];
  let next = 0;
  const inputs = ['wrong', 'right', 'wrong', '??'];
  const worker = async () => {
    while (next < ANSWERS) {
      const i = next++;
      const user = { id: `user${i % USERS}`, displayName: `User ${i % USERS}` };
      const start = performance.now();
      await submitAnswer(ctx, {
        externalId: `bench:${i}`,
        user,
        guildId: 'bench',
        channelId: 'ch',
        quizId: quizzes[i % quizzes.length]!.id,
        part: i % 2 === 0 ? '1' : '2',
        input: inputs[i % inputs.length]!,
      });
      latencies.push(performance.now() - start);
    }
  };
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  console.log(
    `${test.kind}: ${ANSWERS} answers, ${CONCURRENCY} at a time: ${(ANSWERS / seconds).toFixed(0)} answers/s, ` +
      `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms; this process used ${((cpu.user + cpu.system) / 1000 / ANSWERS).toFixed(2)} ms CPU per answer`,
  );
} finally {
  await db.close();
  await test.drop();
}
