import { Readable, Writable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runConsoleSession } from '../../src/adapters/console/consoleSession.ts';

import type { Database } from '../../src/adapters/store/index.ts';
import type { AppContext } from '../../src/app/index.ts';
import { attemptsOf, liveSession, openConsoleApp, pipeSession } from './consoleHarness.ts';

const CARD = 'ssu_batch6_005';
const WRONG = '(y-yhat)*yhat*(1-yhat)*x';
const RIGHT_1 = '(y - \\hat y) x';
const RIGHT_2 = '(y-ŷ)x';

let app: AppContext;
let db: Database;
let advance: (ms: number) => void;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, db, advance, close } = await openConsoleApp());
});
afterAll(async () => {
  await close?.();
});

/** Each test is its own student, so that their attempts and points do not mix. */
const student = (name: string) => ({ id: `local:${name}`, displayName: name });
const linesOf = (text: string) => text.split('\n');

describe('a piped practice session', () => {
  it('GIVEN a quiz, a wrong answer and two right ones THEN the user reads the verdicts and exactly those attempts are recorded', async () => {
    const output = await pipeSession(app, student('ada'), [
      `/quiz card:${CARD}`,
      WRONG,
      RIGHT_1,
      RIGHT_2,
      '/progress',
      '/leaderboard',
      '/quit',
      'after quit: never read',
    ]);
    const lines = linesOf(output);

    expect(lines[0]).toBe('gradquiz practice mode: 14 cards loaded — 14 graded, 0 flashcards.');
    expect(lines).toContain('Progress is kept for ada: embedded database in memory.');
    expect(lines).toContain(
      'This is the terminal; to run the Discord bot instead, set DISCORD_TOKEN (see README.md).',
    );
    expect(lines).toContain(`Quiz: ${CARD} · Statistical Machine Learning · difficulty 4/5`);
    expect(lines).toContain(
      'tags: neural-networks, logistic-regression, backpropagation, binary-cross-entropy, gradient-descent',
    );
    expect(output).toContain('$$ \\ell(y, \\hat{y}) = y \\log \\hat{y} + (1-y) \\log(1-\\hat{y}). $$');
    expect(lines).toContain('Part 1 of 2: Derive the gradient of the loss for a single sample.');

    const wrong = lines.indexOf(
      "❌ incorrect: You kept sigma'(s) = yhat(1-yhat): it cancels against dl/dyhat.",
    );
    expect(wrong).toBeGreaterThan(0);
    expect(lines.slice(wrong + 1, wrong + 3)).toEqual([
      '   mistake: card:kept-sigma-prime',
      '   read as: (y - yhat) * yhat * (1 - yhat) * x',
    ]);
    const first = lines.indexOf('✅ correct: that is ∂ℓ/∂w.');
    expect(lines.slice(first + 1, first + 5)).toEqual([
      '   read as: (y - yhat) * x',
      // 10 × difficulty 4, less 20 % for the wrong answer.
      '   Part 1 solved (+32 points).',
      '',
      'Part 2 of 2: Reuse the neuron activity computed in the forward pass and simplify.',
    ]);
    const second = lines.indexOf('✅ correct: that is ∂ℓ/∂w.', first + 1);
    expect(lines.slice(second + 1, second + 5)).toEqual([
      '   read as: (y - yhat) * x',
      '   Part 2 solved (+40 points).',
      '',
      `Card ${CARD} done. /solution shows the worked solution, /quiz starts another card.`,
    ]);

    expect(lines).toContain('Progress of ada');
    expect(lines).toContain(`  solved cards: 1 (${CARD})`);
    expect(lines).toContain('  attempts: 3 · streak: 1 day · reviews due: 0');
    expect(lines).toContain('    binary-cross-entropy  2 of 4 parts solved, 0 mastered');
    expect(lines).toContain('Leaderboard, this week (since 2026-03-02, UTC)');
    expect(lines).toContain('   1. ada  72 points  ← you');
    expect(output.trimEnd().endsWith('Bye, ada: your progress is saved.')).toBe(true);
    expect(output).not.toContain('after quit');
    expect(output).not.toContain('\u001b[');
    expect(output).not.toMatch(/^> /m);

    expect(await attemptsOf(db, 'local:ada')).toEqual([
      {
        verdict: 'incorrect',
        input: WRONG,
        cardId: CARD,
        part: '1',
        isStep: false,
        points: 0,
        mistake: 'card:kept-sigma-prime',
      },
      {
        verdict: 'correct',
        input: RIGHT_1,
        cardId: CARD,
        part: '1',
        isStep: false,
        points: 32,
        mistake: null,
      },
      {
        verdict: 'correct',
        input: RIGHT_2,
        cardId: CARD,
        part: '2',
        isStep: false,
        points: 40,
        mistake: null,
      },
    ]);
    const externalIds = await db.prisma.attempt.findMany({
      where: { userId: 'local:ada' },
      select: { externalId: true },
    });
    for (const { externalId } of externalIds) expect(externalId).toMatch(/^console:[0-9a-f-]{36}$/);
  });

  it('GIVEN an open quiz THEN every plain line is an answer and recorded, whatever it says (no chat in a terminal)', async () => {
    const output = await pipeSession(app, student('bob'), [
      `/quiz ${CARD}`,
      'hello, is anybody there?',
      'sigma(w)',
      '',
      '   ',
      '(y - sigma(s)) x',
    ]);
    expect(output).toContain('❓ could not read `hello, is anybody there?`: a `,` can only separate');
    expect(output).toContain('❌ incorrect: your answer does not change with x, but the gradient does.');
    expect(await attemptsOf(db, 'local:bob')).toMatchObject([
      { verdict: 'invalid', input: 'hello, is anybody there?', part: '1' },
      { verdict: 'incorrect', input: 'sigma(w)', part: '1', mistake: 'ignores:x' },
      { verdict: 'correct', input: '(y - sigma(s)) x', part: '1' },
    ]);
  });

  it('GIVEN no quiz, or every part solved THEN a plain line gets "no open quiz" and writes nothing', async () => {
    const output = await pipeSession(app, student('cy'), [
      '(y - yhat) * x',
      '/hint',
      `/quiz ${CARD}`,
      '(y - yhat) * x',
      '(y - yhat) * x',
      '(y - yhat) * x',
      '/step',
    ]);
    const replies = output.split('\n\n');
    expect(replies.filter((reply) => reply === 'no open quiz: /quiz to start one')).toHaveLength(4);
    expect(replies[1]).toBe('no open quiz: /quiz to start one');
    expect(await attemptsOf(db, 'local:cy')).toMatchObject([
      { verdict: 'correct', part: '1', points: 40 },
      { verdict: 'correct', part: '2', points: 40 },
    ]);
  });

  it('GIVEN a card solved before THEN /quiz starts again at part 1, for practice and no new points', async () => {
    await pipeSession(app, student('dee'), [`/quiz ${CARD}`, RIGHT_1, RIGHT_2]);
    const output = await pipeSession(app, student('dee'), [
      `/quiz ${CARD}`,
      RIGHT_1,
      RIGHT_2,
      '/leaderboard period:all',
    ]);
    expect(output).toContain('You solved this card before: this round is practice, it earns no new points.');
    expect(output).toContain('Part 1 of 2: Derive the gradient of the loss for a single sample.');
    expect(output).toContain('   Part 1 solved (practice, no new points).');
    expect(output).toContain('   Part 2 solved (practice, no new points).');
    expect(output).toMatch(/\d+\. dee +80 points {2}← you/);
    expect((await attemptsOf(db, 'local:dee')).map((row) => [row.part, row.points])).toEqual([
      ['1', 40],
      ['2', 40],
      ['1', 0],
      ['2', 0],
    ]);
  });

  it('GIVEN /hint until they run out THEN it offers the next step; /solution gives the rest up', async () => {
    const output = await pipeSession(app, student('eve'), [
      `/quiz ${CARD}`,
      '/hint',
      '/hint',
      '/hint',
      '/hint',
      '/solution',
      RIGHT_1,
    ]);
    const replies = output.split('\n\n');
    expect(replies).toContain(
      'Hint 1 of 3 (part 1): Chain rule: dl/dw_j = dl/dyhat * dyhat/ds * ds/dw_j.\nEach hint lowers the points of this part a little.',
    );
    expect(output).toContain('Hint 3 of 3 (part 1): Put dl/dyhat');
    expect(replies).toContain(
      [
        'No more hints for part 1 (you have seen all 3).',
        'Take it step by step instead:',
        'Step 1 of 3 (part 1): ∂ℓ/∂yhat, the derivative of ℓ = y * log(yhat) + (1 - y) * log(1 - yhat) with respect to yhat alone.',
        'Answer it with /step answer:<expression> (steps earn no points).',
      ].join('\n'),
    );
    expect(output).toContain('Solution of ssu_batch6_005');
    expect(output).toContain('$$ \\nabla \\ell(w) = (y - \\hat{y}) x $$');
    expect(output).toContain('Answer to part 1: (y - yhat) * x\nAnswer to part 2: (y - yhat) * x');
    expect(output).toContain(
      'You gave up parts 1, 2: no more points for them, but you may still answer, for practice.',
    );
    expect(output).toContain('   Part 1 solved (no points: you revealed the solution first).');
    expect(await attemptsOf(db, 'local:eve')).toMatchObject([{ verdict: 'correct', part: '1', points: 0 }]);
  });

  it('GIVEN answers of their own THEN /stats shows tries to a solve, hints and the wrong answer they repeated', async () => {
    const output = await pipeSession(app, student('sam'), [
      '/stats',
      `/quiz ${CARD}`,
      WRONG,
      '(y - ŷ) ŷ (1 - ŷ) x',
      '/hint',
      RIGHT_1,
      '(((',
      '/stats',
    ]);
    const replies = output.split('\n\n');
    expect(replies).toContain('No answers yet: /quiz starts one.');
    expect(replies).toContain(
      [
        'Your answers',
        `  ${CARD} part 1: 3 answers, solved on try 3 (1 hint)`,
        // Two forms once each: the first in byte order is shown, as the reader wrote it back.
        '    2× the same wrong answer: (y - yhat) * (yhat * (1 - yhat)) * x',
        `  ${CARD} part 2: 0 answers, not solved yet (1 unreadable)`,
      ].join('\n'),
    );
  });

  it('GIVEN /step and /step answer: THEN the step is graded and recorded as a step: no points, no progress', async () => {
    const output = await pipeSession(app, student('fay'), [
      `/quiz ${CARD}`,
      '/step',
      '/step answer:y/yhat - (1-y)/(1-yhat)',
      '/step answer:yhat',
    ]);
    expect(output).toContain(
      'Step 1 of 3 (part 1): ∂ℓ/∂yhat, the derivative of ℓ = y * log(yhat) + (1 - y) * log(1 - yhat) with respect to yhat alone.',
    );
    expect(output.split('\n\n')).toContain(
      [
        'Step 1 of 3 (part 1): ∂ℓ/∂yhat',
        '✅ correct: that is ∂ℓ/∂yhat.',
        '   read as: y / yhat - (1 - y) / (1 - yhat)',
      ].join('\n'),
    );
    expect(output).toContain(
      'Step 2 of 3 (part 1): ∂yhat/∂s, the derivative of yhat = sigma(s) with respect to s alone.',
    );
    expect(output).toContain(
      'Step 2 of 3 (part 1): ∂yhat/∂s\n❌ incorrect: your answer differs from ∂yhat/∂s',
    );
    expect(await attemptsOf(db, 'local:fay')).toEqual([
      {
        verdict: 'correct',
        input: 'y/yhat - (1-y)/(1-yhat)',
        cardId: CARD,
        part: '1:dl/dyhat',
        isStep: true,
        points: 0,
        mistake: null,
      },
      {
        verdict: 'incorrect',
        input: 'yhat',
        cardId: CARD,
        part: '1:dyhat/ds',
        isStep: true,
        points: 0,
        mistake: null,
      },
    ]);
    expect(await app.store.history.progress('local:fay')).toEqual([]);
    expect(await db.prisma.pointsEntry.count({ where: { userId: 'local:fay' } })).toBe(0);
  });

  it('GIVEN quoted option values THEN the quotes are stripped', async () => {
    const output = await pipeSession(app, student('gus'), [
      `/quiz card:"${CARD}"`,
      '/answer expression:"(y - yhat) * x"',
      '/quiz course:"Statistical Machine Learning" difficulty:"2" tag:\'relu\'',
    ]);
    expect(output).toContain(`Quiz: ${CARD}`);
    expect(output).toContain(
      'Quiz: sml_relu_neuron_squared_error · Statistical Machine Learning · difficulty 2/5',
    );
    expect(await attemptsOf(db, 'local:gus')).toMatchObject([
      { verdict: 'correct', input: '(y - yhat) * x' },
    ]);
  });

  it('GIVEN the end of input with a quiz open THEN the session resolves, says goodbye and closes the quiz', async () => {
    const output = await pipeSession(app, student('hal'), [`/quiz ${CARD}`, WRONG]);
    expect(output.trimEnd().endsWith('Bye, hal: your progress is saved.')).toBe(true);
    const quizzes = await db.prisma.quiz.findMany({ where: { openedBy: 'local:hal' } });
    expect(quizzes).toMatchObject([{ guildId: 'local', channelId: 'console', cardId: CARD, open: false }]);
  });

  it('GIVEN a reader that goes away (npm start | head) THEN the session ends without an error', async () => {
    let writes = 0;
    const closed = new Writable({
      write(_chunk, _encoding, done) {
        done(++writes > 1 ? Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }) : null);
      },
    });
    await runConsoleSession({
      app,
      user: student('max'),
      input: Readable.from([`/quiz ${CARD}\n/help\n/help\n(y - yhat) x\n`]),
      output: closed,
      greeting: { cards: 14, flashcards: 0, fallbacks: [], broken: [], databaseDescription: 'memory' },
      interactive: false,
      color: false,
    });
    expect(writes).toBeGreaterThan(1);
  });

  it('GIVEN mistyped commands and unknown cards THEN the reply says what to do', async () => {
    const output = await pipeSession(app, student('ivy'), [
      '/quizz',
      '/quiz ssu',
      '/quiz tag:nope',
      '/leaderboard period:year',
    ]);
    expect(output.split('\n\n').slice(1, 5)).toEqual([
      'There is no command /quizz: /help lists them.',
      'There is no card "ssu". Did you mean ssu_batch6_005? /cards lists them.',
      'No card matches tag:nope: /cards lists the cards with their tags.',
      '/leaderboard takes period:week|month|all and scope:server|channel, not "year".',
    ]);
  });

  it('GIVEN /help, /cards and /review THEN they answer without a quiz', async () => {
    const output = await pipeSession(app, student('jo'), ['/help', '/cards', '/review', '/progress']);
    expect(output).toContain('How to answer');
    expect(output).toContain("    vectors     dot(w, x) = w^T x = w'x = w·x = \\sum_i w_i x_i;");
    expect(output).toContain('  /step                 the next intermediate step');
    expect(output).toContain('27 cards (/quiz ID starts one):');
    expect(output).toContain('Nothing to review yet: a part you solve comes back here when it is due.');
    expect(output).toContain('Progress of jo\n  solved cards: 0\n  started: none\n');
  });

  it('GIVEN a hostile line of 10,000 "(" THEN it is answered within a second', async () => {
    const session = liveSession(app, student('kim'));
    expect(await session.send(`/quiz ${CARD}`)).toContain(`Quiz: ${CARD}`);
    const started = performance.now();
    const reply = await session.send('('.repeat(10_000));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(reply).toMatch(/^❓ could not read/);
    session.end();
    await session.done;
  });

  // Last: it moves the clock a month on.
  it('GIVEN a solved part due for review THEN /review starts its card, for practice', async () => {
    await pipeSession(app, student('lee'), [`/quiz ${CARD}`, RIGHT_1]);
    advance(30 * 24 * 3600 * 1000);
    const output = await pipeSession(app, student('lee'), ['/review', RIGHT_1]);
    expect(output).toMatch(
      /Review: part 1 of ssu_batch6_005 has been due since \d{4}-\d\d-\d\d \d\d:\d\d UTC\./,
    );
    expect(output).toContain(`Quiz: ${CARD}`);
    expect(output).toContain('   Part 1 solved (practice, no new points).');
    expect(await attemptsOf(db, 'local:lee')).toMatchObject([
      { verdict: 'correct', part: '1', points: 40 },
      { verdict: 'correct', part: '1', points: 0 },
    ]);
  });
});
