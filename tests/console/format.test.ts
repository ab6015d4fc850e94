import { describe, expect, it } from 'vitest';

import { formatGreeting } from '../../src/adapters/console/formatGreeting.ts';
import { formatVerdict } from '../../src/adapters/console/formatVerdict.ts';
import { createStyle } from '../../src/adapters/console/style.ts';
import { loadSeeds } from '../../src/adapters/seeds/loadSeeds.ts';
import { seededRng } from '../../src/core/random/rng.ts';
import { grader } from '../../src/main/appContext.ts';

const plain = createStyle(false);
const bank = await loadSeeds('seeds');
const card = bank.cards.find((candidate) => candidate.id === 'ssu_batch6_005')!;
if (card.grading !== 'numeric') throw new Error('the first card is not graded numerically');
const grade = (part: string, answer: string) => grader(card, part, answer, seededRng(3));

describe('formatVerdict', () => {
  it.each([
    ['1', '(y - yhat) x', ['✅ correct: that is ∂ℓ/∂w.', '   read as: (y - yhat) * x']],
    [
      '1',
      '(yhat - y) x',
      [
        '✅ correct, with the other sign convention: your answer is the gradient of −ℓ (the loss to minimise). ∂ℓ/∂w of ℓ as written is its negation; both conventions are accepted here.',
        '   read as: (yhat - y) * x',
      ],
    ],
    [
      '1',
      '2 (y - yhat) x',
      [
        '❌ incorrect: your answer is 2 × the gradient. Check the constant factors (a ½ that should cancel a square, a factor counted twice, a sum instead of a mean).',
        '   mistake: constant_factor:2',
        '   read as: 2 * (y - yhat) * x',
      ],
    ],
    [
      '2',
      '(y - sigma(s)) x',
      [
        '➖ not simplified yet: your answer is equal to the gradient, but this part asks you to use `yhat` and avoid `s`, `sigma`.',
        '   read as: (y - sigma(s)) * x',
      ],
    ],
    ['1', '(y - yhat', ['❓ could not read `(y - yhat`: a `)` is missing.']],
    [
      '1',
      'q * x',
      [
        "❓ could not read: I don't know the name `q`. You can use: n, w, x, y, s, yhat (ŷ); the functions sigma, tanh, relu, softplus, exp, log, sqrt, abs, max, min, dot, sum, norm, transpose, outer, diag, softmax; the constants e, pi.",
      ],
    ],
  ])(
    'part %s, %j: the emoji, the verdict in words, the feedback, the mistake, the reading',
    (part, answer, lines) => {
      expect(formatVerdict(grade(part, answer), plain).split('\n')).toEqual(lines);
    },
  );

  it('GIVEN colour THEN the verdict line is coloured and the details dimmed; without it, no escape codes', () => {
    const verdict = grade('1', '(y - yhat) * yhat * (1 - yhat) * x');
    expect(formatVerdict(verdict, createStyle(true)).split('\n').slice(0, 2)).toEqual([
      "\u001b[31m❌ incorrect: You kept sigma'(s) = yhat(1-yhat): it cancels against dl/dyhat.\u001b[39m",
      '\u001b[2m   mistake: card:kept-sigma-prime\u001b[22m',
    ]);
    expect(formatVerdict(verdict, plain)).not.toContain('\u001b');
  });
});

describe('formatGreeting', () => {
  it('GIVEN broken cards THEN it counts them, names them and says how to find out why', () => {
    const text = formatGreeting(
      {
        user: 'ada',
        cards: 13,
        flashcards: 2,
        fallbacks: ['relu.md'],
        broken: ['bad.md'],
        databaseDescription: 'embedded database in /tmp/x',
      },
      plain,
    );
    expect(text.split('\n')).toEqual([
      'gradquiz practice mode: 13 cards loaded — 11 graded, 2 flashcards (1 more could not be loaded: bad.md; `npx gradquiz cards check` says why).',
      '1 derivation served as a flashcard (relu.md): `npx gradquiz cards check` says why.',
      'Progress is kept for ada: embedded database in /tmp/x.',
      'This is the terminal; to run the Discord bot instead, set DISCORD_TOKEN (see README.md).',
      '/quiz starts a quiz, /cards lists the cards, /help shows the notation and the commands.',
    ]);
  });
});
