import type { Card } from '../../core/cards/card.ts';
import type { CardProblem } from '../../core/cards/problem.ts';
import { createRenderer } from '../render/createRenderer.ts';
import type { CardLint } from './commands/cards.ts';

/**
 * `cards check`: the question's and the solution's TeX should typeset, reported as text, never as a
 * box. A warning: the card still loads, and its image falls back to text where it does not.
 */
export async function texLint(): Promise<CardLint> {
  const renderer = await createRenderer();
  return (card: Card): CardProblem[] =>
    (
      [
        ['body.question', card.question],
        ['body.solution', card.solution ?? ''],
      ] as const
    ).flatMap(([field, markdown]) =>
      renderer.checkMarkdownMath(markdown).map((error) => ({
        file: card.file,
        field,
        message: `TeX does not typeset: ${error.message}${error.tex ? ` in $${error.tex}$` : ''}`,
        warning: true,
      })),
    );
}
