import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startQuiz, submitAnswer, type AppContext } from '../../src/app/index.ts';
import type { Database } from '../../src/adapters/store/index.ts';
import { grader } from '../../src/main/appContext.ts';
import { FIRST_CARD_FILE, shippedCard } from '../helpers/cards.ts';
import { startDatabaseTestApp, type DatabaseTestApp } from '../support/testApp.ts';

const card = shippedCard(FIRST_CARD_FILE);
const ada = { id: 'ada', displayName: 'Ada' };

let opened: DatabaseTestApp;
let db: Database;
let ctx: AppContext;

beforeAll(async () => {
  opened = await startDatabaseTestApp([card], { grade: grader });
  ({ db, ctx } = opened);
});
afterAll(async () => {
  await opened?.close();
});

describe('GIVEN answers graded by the core WHEN they are recorded', () => {
  it('THEN each attempt row keeps the reason code of its verdict, never the words', async () => {
    const started = await startQuiz(ctx, { user: ada, guildId: 'g', channelId: 'ch', cardId: card.id });
    if (started.kind !== 'started') throw new Error(started.kind);
    const answers = ['(y - yhat', 'q * x', 'x ^ 2', '2 * (y - yhat) * x', '(y - yhat) * x'];
    for (const [i, input] of answers.entries()) {
      const result = await submitAnswer(ctx, {
        externalId: `reason:${i}`,
        user: ada,
        guildId: 'g',
        channelId: 'ch',
        quizId: started.quiz.id,
        input,
      });
      expect(result.kind).toBe('graded');
    }
    const rows = await db.prisma.attempt.findMany({
      where: { externalId: { startsWith: 'reason:' } },
      orderBy: { externalId: 'asc' },
      select: { verdict: true, mistake: true, feedback: true },
    });
    expect(rows).toEqual([
      { verdict: 'invalid', mistake: null, feedback: 'unreadable:unbalanced' },
      { verdict: 'invalid', mistake: null, feedback: 'unreadable:unknown_name' },
      { verdict: 'invalid', mistake: null, feedback: 'shape_error:vector_power' },
      { verdict: 'incorrect', mistake: 'constant_factor:2', feedback: 'constant_factor' },
      { verdict: 'correct', mistake: null, feedback: 'correct' },
    ]);
  });
});
