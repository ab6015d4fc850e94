import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  nextHint,
  revealSolution,
  startQuiz,
  stats,
  submitAnswer,
  type AppContext,
  type StatsReport,
} from '../../src/app/index.ts';
import { FIRST_CARD_FILE, shippedCard } from '../helpers/cards.ts';
import { startTestApp, type TestApp } from '../support/testApp.ts';
import { grader } from '../../src/main/appContext.ts';

const first = shippedCard(FIRST_CARD_FILE);
let opened: TestApp;
let ctx: AppContext;
let n = 0;

const where = { guildId: 'g', channelId: 'ch' };
const answer = (userId: string, input: string, place = where) =>
  submitAnswer(ctx, { ...place, externalId: `s:${++n}`, user: { id: userId, displayName: userId }, input });
const as = (userId: string) => ({ ...where, userId, displayName: userId });

beforeAll(async () => {
  opened = await startTestApp([first], { grade: grader });
  ctx = opened.ctx;
  for (const place of [where, { guildId: 'other', channelId: 'ch' }]) {
    const started = await startQuiz(ctx, { user: { id: 'a', displayName: 'a' }, ...place, cardId: first.id });
    if (started.kind !== 'started') throw new Error(started.kind);
  }
  await answer('a', '(y-ŷ)ŷ(1-ŷ)x');
  await answer('a', '(y - yhat) * x');
  await answer('b', '(y - yhat) * yhat * (1 - yhat) * x');
  await nextHint(ctx, as('b'));
  await answer('b', '(y-\\hat y) x');
  await answer('c', '(((');
  await answer('c', '2*(y - yhat)*x');
  await revealSolution(ctx, as('c'));
  await answer('d', 'y*x', { guildId: 'other', channelId: 'ch' });
});
afterAll(async () => {
  await opened?.close();
});

const report = async (input: Parameters<typeof stats>[1]): Promise<StatsReport> => {
  const result = await stats(ctx, input);
  if (result.kind !== 'stats') throw new Error(result.kind);
  return result.report;
};

describe('GIVEN three students on the first card in a server', () => {
  it('THEN part 1 has their attempts, solvers, median tries, hints and the wrong answer they share', async () => {
    const { parts, scope } = await report({ guildId: 'g' });
    expect(scope).toMatchObject({ guildId: 'g', period: 'all', since: null, timeZone: 'UTC' });
    const [one, two] = parts;
    expect(one).toMatchObject({
      card: first.id,
      part: '1',
      attempts: 5,
      users: 3,
      solvedUsers: 2,
      medianAttemptsToSolve: 2,
      hints: 1,
      hintsPerSolve: 0.5,
      giveUps: 1,
      invalid: { count: 1, reasons: [{ count: 1 }] },
    });
    expect(one?.solveRate).toBeCloseTo(2 / 3);
    expect(one?.wrongGroups).toHaveLength(2);
    expect(one?.wrongGroups[0]).toMatchObject({
      example: '(y - yhat) * yhat * (1 - yhat) * x',
      count: 2,
      users: 2,
    });
    expect(one?.wrongGroups[1]).toMatchObject({ count: 1, users: 1 });
    // c gave part 2 up without answering it.
    expect(two).toMatchObject({ part: '2', attempts: 0, users: 0, giveUps: 1, solveRate: null });
  });

  it('THEN another server, one card and a period narrow it; a bad date is refused', async () => {
    expect((await report({ guildId: 'other' })).parts).toMatchObject([{ attempts: 1, users: 1 }]);
    expect((await report({})).parts[0]).toMatchObject({ attempts: 6, users: 4 });
    expect((await report({ guildId: 'g', cardId: 'nothing' })).parts).toEqual([]);
    expect((await report({ guildId: 'g', period: 'week' })).parts[0]).toMatchObject({ attempts: 5 });
    const tomorrow = new Date(ctx.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    expect((await report({ guildId: 'g', since: tomorrow })).parts).toEqual([]);
    expect(await stats(ctx, { since: '2026-02-30' })).toEqual({ kind: 'bad_date', since: '2026-02-30' });
  });
});
