import type { Style } from './style.ts';

/**
 * `/help`: the notation with examples, then the commands. The examples show notation only, never a
 * card's answer.
 */
export function formatHelp(style: Style): string {
  return [
    style.bold('Two kinds of cards'),
    '  Graded cards (a derivation) take a typed answer, checked numerically: points, hints, steps.',
    '  Flashcards (concepts, definitions, …) take none: /solution shows the answer, then /rate how well',
    '  you recalled it (again, hard, good, easy); the rating schedules its review. No points.',
    '',
    style.bold('How to answer'),
    '  Type the gradient on one line, as on paper or in LaTeX. Equal ways to write things:',
    '    hats        yhat = ŷ = y_hat = \\hat{y} = \\hat y',
    '    sigmoid     sigma(s) = σ(s) = \\sigma(s) = sigmoid(s)',
    '    products    a*b = a b = a·b,   2x = 2*x,   (a - b)x',
    '    fractions   a/b = \\frac{a}{b};   \\left( \\right), \\mathbf{x} and $…$ are fine',
    '    division    side by side binds tighter than /: 1/2x = 1/(2x), 1/n(n+1) = 1/(n(n+1)); half of x: x/2 or (1/2)x',
    '    powers      x^2 = x**2;   √12 = sqrt(12);   |a||b| = abs(a) abs(b)',
    "    vectors     dot(w, x) = w^T x = w'x = w·x = \\sum_i w_i x_i;   x.^2 squares each component",
    '    components  x_j is the j-th component, for every j (answer one component for all);  x_1 is only the first',
    '    left side   ignored when it names the gradient: dl/dw = …,  ∇ℓ(w) = …,  g = …;  an equation (… = 0) is refused',
    '  Functions: sigma, tanh, relu, softplus, exp, log (= ln), sqrt, abs, max, min, dot, sum, norm, transpose;',
    "  constants e and pi; the card's own names (w, x, y, s, yhat, …). Answers in `code` or ||spoilers|| are unwrapped.",
    '',
    style.bold('Commands'),
    '  /quiz [ID | card:ID] [tag:…] [course:"…"] [difficulty:1-5]',
    '                        start a quiz: a chosen card, or a random match (unsolved cards first)',
    '  any other line        an answer to the current part (/answer expression:… too)',
    '  /hint                 the next hint (lowers the part’s points a little); then the next step',
    '  /step                 the next intermediate step (∂ℓ/∂ŷ, ∂ŷ/∂s, …); /step answer:… answers it (no points)',
    '  /solution             the worked solution (the parts not yet solved earn no more points)',
    '  /rate good            a flashcard: how well you recalled it, again|hard|good|easy (or 1-4)',
    '  /progress             solved cards, attempts, streak, tags, reviews due',
    '  /stats                your answers per card and part: tries to a solve, hints, the wrong answers you repeat',
    '  /leaderboard [period:week|month|all]',
    '                        the top 10 (default: this week)',
    '  /review               start the card due for review the longest (spaced repetition)',
    '  /cards                the cards there are',
    '  /help                 this text',
    '  /quit                 leave (so does end of input, Ctrl-D); progress is saved as you go',
  ].join('\n');
}
