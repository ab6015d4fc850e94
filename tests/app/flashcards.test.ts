import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  leaderboard,
  nextHint,
  nextReview,
  nextStep,
  progress,
  rateCard,
  revealSolution,
  startQuiz,
  submitAnswer,
  type AppContext,
} from '../../src/app/index.ts';
import { fakeCard, fakeFlashcard } from '../support/fakeCards.ts';
import { startTestApp, type TestApp } from '../support/testApp.ts';

const cards = [fakeFlashcard('bias-variance'), fakeFlashcard('kernel', { solution: false }), fakeCard('d1')];
const user = (n: number) => ({ id: `fc${n}`, displayName: `Student ${n}` });

let opened: TestApp;
let ctx: AppContext;

beforeAll(async () => {
  // The answer limit is the SPEC default here: ratings must not count against it.
  opened = await startTestApp(cards, { answersPerMinute: 6 });
  ({ ctx } = opened);
});
afterAll(async () => {
  await opened?.close();
});

async function flashcardQuiz(cardId: string, n: number) {
  const started = await startQuiz(ctx, { user: user(n), guildId: 'g', channelId: `ch${n}`, cardId });
  if (started.kind !== 'started') throw new Error(started.kind);
  return { guildId: 'g', channelId: `ch${n}`, quizId: started.quiz.id };
}

describe('GIVEN a flashcard quiz', () => {
  it('THEN the solution is revealed privately at no cost, and a rating is one self_rated attempt with an FSRS review', async () => {
    const at = await flashcardQuiz('bias-variance', 1);
    const reveal = await revealSolution(ctx, { ...at, userId: 'fc1', displayName: 'Student 1' });
    expect(reveal).toMatchObject({
      kind: 'solution',
      solution: 'bias-variance is this.',
      public: false,
      gaveUp: [],
    });

    const rated = await rateCard(ctx, { ...at, externalId: 'rate:1', user: user(1), rating: 3 });
    expect(rated).toMatchObject({
      kind: 'rated',
      attempt: {
        verdict: 'self_rated',
        part: '1',
        rating: 3,
        points: 0,
        input: 'good',
        cardId: 'bias-variance',
      },
    });
    if (rated.kind !== 'rated') throw new Error(rated.kind);
    expect(rated.due.getTime()).toBeGreaterThan(ctx.clock.now().getTime());
    expect(await rateCard(ctx, { ...at, externalId: 'rate:1', user: user(1), rating: 3 })).toMatchObject({
      kind: 'duplicate',
    });
    const rows = await ctx.store.history.progress('fc1');
    expect(rows).toEqual([
      expect.objectContaining({
        cardId: 'bias-variance',
        part: '1',
        attempts: 1,
        reps: 1,
        status: 'learning',
      }),
    ]);
    expect(await ctx.store.history.countAnswers('fc1')).toBe(0);
  });

  it('THEN answers, hints and steps are refused with a flashcard result, and nothing is written', async () => {
    const at = await flashcardQuiz('kernel', 2);
    const asker = { ...at, userId: 'fc2', displayName: 'Student 2' };
    expect(await submitAnswer(ctx, { ...at, externalId: 'ans:2', user: user(2), input: 'x' })).toMatchObject({
      kind: 'flashcard',
    });
    expect(await nextHint(ctx, asker)).toEqual({ kind: 'flashcard' });
    expect(await nextStep(ctx, { ...at, userId: 'fc2' })).toEqual({ kind: 'flashcard' });
    expect(await revealSolution(ctx, asker)).toMatchObject({ kind: 'solution', public: false });
    const read = await ctx.store.answers.context({
      userId: 'fc2',
      location: at,
      answering: true,
      externalId: 'ans:2',
    });
    expect(read.duplicate).toBeNull();
    expect(await ctx.store.history.progress('fc2')).toEqual([]);
  });

  it('THEN ten ratings in a minute are all recorded: ratings are not answers for the rate limit', async () => {
    const at = await flashcardQuiz('kernel', 3);
    for (let i = 0; i < 10; i++) {
      const rated = await rateCard(ctx, { ...at, externalId: `burst:${i}`, user: user(3), rating: 1 });
      expect(rated.kind).toBe('rated');
    }
    // An answer right after them is still within the limit.
    const graded = await startQuiz(ctx, { user: user(3), guildId: 'g', channelId: 'ch3b', cardId: 'd1' });
    if (graded.kind !== 'started') throw new Error(graded.kind);
    const answer = await submitAnswer(ctx, {
      guildId: 'g',
      channelId: 'ch3b',
      quizId: graded.quiz.id,
      externalId: 'burst:answer',
      user: user(3),
      input: 'right',
    });
    expect(answer.kind).toBe('graded');
  });

  it('THEN a rated flashcard is in /progress and /review, and never on the leaderboard', async () => {
    const at = await flashcardQuiz('bias-variance', 4);
    await rateCard(ctx, { ...at, externalId: 'rate:4', user: user(4), rating: 1 });
    const report = await progress(ctx, { userId: 'fc4', guildId: 'g' });
    expect(report.startedCards).toContain('bias-variance');
    expect(report.tags).toContainEqual({ tag: 'concepts', parts: 2, solved: 0, mastered: 0 });
    opened.clock.advance(24 * 3600 * 1000);
    expect(await nextReview(ctx, { userId: 'fc4' })).toMatchObject({ kind: 'due', part: '1' });
    const board = await leaderboard(ctx, { guildId: 'g', channelId: 'ch4', userId: 'fc4', period: 'all' });
    // fc3 solved a graded card above; fc4 only rated a flashcard.
    expect(board.top.map((row) => row.userId)).toEqual(['fc3']);
    expect(board.me).toBeUndefined();
  });

  it('THEN rating a graded card is refused', async () => {
    const started = await startQuiz(ctx, { user: user(5), guildId: 'g', channelId: 'ch5', cardId: 'd1' });
    if (started.kind !== 'started') throw new Error(started.kind);
    expect(
      await rateCard(ctx, {
        guildId: 'g',
        channelId: 'ch5',
        quizId: started.quiz.id,
        externalId: 'r5',
        user: user(5),
        rating: 4,
      }),
    ).toMatchObject({ kind: 'not_flashcard' });
  });
});
