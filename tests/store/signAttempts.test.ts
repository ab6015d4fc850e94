import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { signAttempts, startQuiz, type AppContext, type QuizRecord } from '../../src/app/index.ts';
import { FIRST_CARD_FILE, shippedCard } from '../helpers/cards.ts';
import { startDatabaseTestApp, type DatabaseTestApp } from '../support/testApp.ts';
import { grader } from '../../src/main/appContext.ts';

const first = shippedCard(FIRST_CARD_FILE);
let opened: DatabaseTestApp;
let ctx: AppContext;
let quiz: QuizRecord;

beforeAll(async () => {
  opened = await startDatabaseTestApp([first], { grade: grader });
  ctx = opened.ctx;
  const started = await startQuiz(ctx, {
    user: { id: 'a', displayName: 'A' },
    guildId: 'g',
    channelId: 'ch',
    cardId: first.id,
  });
  if (started.kind !== 'started') throw new Error(started.kind);
  quiz = started.quiz;
});
afterAll(async () => {
  await opened?.close();
});

/** An attempt as it was recorded before signatures existed. */
const old = (n: number, userId: string, verdict: 'correct' | 'incorrect' | 'invalid', input: string) =>
  ctx.store.answers.recordStep({
    user: { id: userId, displayName: userId.toUpperCase() },
    attempt: {
      externalId: `old:${n}`,
      verdict,
      input,
      cardId: quiz.cardId,
      part: '1',
      isStep: false,
      userId,
      createdAt: ctx.clock.now(),
      quizId: quiz.id,
      guildId: quiz.guildId,
      channelId: quiz.channelId,
      points: 0,
      mistake: null,
      feedback: verdict === 'invalid' ? 'unreadable' : '',
      rating: null,
      signature: null,
      solveTries: null,
    },
    rateLimit: { limit: 1000, since: new Date(0) },
  });

describe('GIVEN answers recorded before signatures', () => {
  it('THEN the backfill signs each readable one from its input, in batches, once', async () => {
    await old(1, 'a', 'incorrect', '(y-ŷ)ŷ(1-ŷ)x');
    await old(2, 'b', 'incorrect', '(y - yhat) * yhat * (1 - yhat) * x');
    await old(3, 'c', 'incorrect', '2 * (y - yhat) * x');
    await old(4, 'c', 'correct', '(y - yhat) * x');
    await old(5, 'a', 'incorrect', 'banana');
    await old(6, 'b', 'invalid', '(((');

    expect(await signAttempts(ctx, 2)).toEqual({ signed: 4, unsignable: 1 });
    const groups = await ctx.store.analytics.wrongGroups({ guildId: 'g' }, 10);
    expect(groups.map((group) => [group.count, group.users])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    // Idempotent: nothing left to sign but the one that cannot be.
    expect(await signAttempts(ctx, 2)).toEqual({ signed: 0, unsignable: 1 });
    expect(await ctx.store.analytics.unsigned(null, 10)).toMatchObject([{ input: 'banana' }]);
  });
});
