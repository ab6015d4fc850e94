import { describe, expect, it } from 'vitest';

import { parseLine, unquote } from '../../src/adapters/console/parseLine.ts';

describe('parseLine', () => {
  it.each([
    ['', { kind: 'blank' }],
    ['   \t', { kind: 'blank' }],
    ['(y - yhat) * x', { kind: 'answer', expression: '(y - yhat) * x' }],
    ["  (y - sigma(w'x)) * x \r", { kind: 'answer', expression: "(y - sigma(w'x)) * x" }],
    ['hello, is this thing on?', { kind: 'answer', expression: 'hello, is this thing on?' }],
    ['/answer expression:(y-yhat) x', { kind: 'answer', expression: '(y-yhat) x' }],
    ['/answer expression:"(y - yhat) * x"', { kind: 'answer', expression: '(y - yhat) * x' }],
    ['/answer (y-yhat)x', { kind: 'answer', expression: '(y-yhat)x' }],
    ['/quiz', { kind: 'quiz', filters: {} }],
    ['/quiz card:ssu_batch6_005', { kind: 'quiz', filters: { cardId: 'ssu_batch6_005' } }],
    ['/quiz ssu_batch6_005', { kind: 'quiz', filters: { cardId: 'ssu_batch6_005' } }],
    ['/quiz card: "ssu_batch6_005"', { kind: 'quiz', filters: { cardId: 'ssu_batch6_005' } }],
    [
      '/quiz course:"Statistical Machine Learning" tag:\'neural-networks\' difficulty:4',
      {
        kind: 'quiz',
        filters: { course: 'Statistical Machine Learning', tag: 'neural-networks', difficulty: 4 },
      },
    ],
    ['/QUIZ Course:“Machine Learning”', { kind: 'quiz', filters: { course: 'Machine Learning' } }],
    ['/hint', { kind: 'hint' }],
    ['/solution', { kind: 'solution' }],
    ['/progress', { kind: 'progress' }],
    ['/leaderboard', { kind: 'leaderboard' }],
    ['/leaderboard period:month', { kind: 'leaderboard', period: 'month' }],
    ['/leaderboard all channel', { kind: 'leaderboard', period: 'all', scope: 'channel' }],
    ['/review', { kind: 'review' }],
    ['/step', { kind: 'step' }],
    ['/step answer:y/yhat - (1-y)/(1-yhat)', { kind: 'step', answer: 'y/yhat - (1-y)/(1-yhat)' }],
    ['/step answer:"yhat (1 - yhat)"', { kind: 'step', answer: 'yhat (1 - yhat)' }],
    ['/cards', { kind: 'cards' }],
    ['/help', { kind: 'help' }],
    ['/quit', { kind: 'quit' }],
    ['/exit', { kind: 'quit' }],
  ])('%j', (line, command) => {
    expect(parseLine(line)).toEqual(command);
  });

  it.each([
    ['/frobnicate', 'There is no command /frobnicate'],
    ['/quiz level:3', '/quiz does not know "level:"'],
    ['/quiz a b', '/quiz does not know "b"'],
    ['/quiz difficulty:9', 'difficulty must be a whole number from 1 to 5'],
    ['/quiz difficulty:two', 'difficulty must be a whole number from 1 to 5'],
    ['/answer', 'Type the expression after /answer'],
    ['/answer expression:""', 'Type the expression after /answer'],
    ['/step answer:', 'Type the expression after /step answer:'],
    ['/leaderboard period:year', '/leaderboard takes period:week|month|all'],
    ['/hint please', '/hint takes no options'],
  ])('%j is refused with a message', (line, message) => {
    const command = parseLine(line);
    expect(command.kind).toBe('mistyped');
    expect(command.kind === 'mistyped' && command.message).toContain(message);
  });

  it('GIVEN hostile lines THEN it answers at once, without throwing', () => {
    const started = performance.now();
    for (const line of [
      '('.repeat(10_000),
      `/quiz ${'"'.repeat(10_000)}`,
      `/quiz ${'a:'.repeat(10_000)}`,
      `/answer expression:${'"'.repeat(10_000)}`,
      '/'.repeat(10_000),
    ]) {
      expect(() => parseLine(line)).not.toThrow();
    }
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('unquote', () => {
  it.each([
    ['"a b"', 'a b'],
    ["'a b'", 'a b'],
    ['“a b”', 'a b'],
    ['"a b', '"a b'],
    ["w'x", "w'x"],
    ['"', '"'],
  ])('%j → %j', (value, plain) => {
    expect(unquote(value)).toBe(plain);
  });
});
