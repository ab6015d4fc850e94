import { describe, expect, it } from 'vitest';
import { isThreadAnswer } from '../../src/adapters/discord/answers/isThreadAnswer.ts';
import { loadSeeds } from '../../src/adapters/seeds/loadSeeds.ts';
import { isNumeric, type NumericCard } from '../../src/core/cards/card.ts';
import { CARD } from './harness.ts';

const card = (await loadSeeds('seeds')).cards.find((c) => c.id === CARD && isNumeric(c)) as NumericCard;

describe('which thread messages are answers', () => {
  it.each([
    '(y - yhat) * x',
    '(y-ŷ)·x',
    'x*(y - y_hat)',
    '(y - \\hat{y}) x',
    '`anything at all`',
    '```\n(y - yhat) x\n```',
    '||(y - yhat) x||',
    '||no idea||',
    'dl/dw = (y - yhat) x',
    'dl/dw = I think it is zero',
    '(y - yhat * x',
    'x',
  ])('GIVEN %j THEN it is an answer', (text) => {
    expect(isThreadAnswer(text, card)).toBe(true);
  });

  it.each([
    '',
    'thanks!',
    'hmm, is the sigmoid derivative involved?',
    'is it x^2?',
    'ok so x = 5 then',
    'what does `yhat` mean?',
    'lol',
    '42',
  ])('GIVEN %j THEN it is chat', (text) => {
    expect(isThreadAnswer(text, card)).toBe(false);
  });
});
