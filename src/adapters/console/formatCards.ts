import type { Card } from '../../core/cards/card.ts';
import type { Style } from './style.ts';
import { plural } from '../text/plural.ts';

/** `/cards`: every card loaded, so that a terminal user knows what `/quiz ID` takes. */
export function formatCards(cards: readonly Card[], style: Style): string {
  if (cards.length === 0) return 'No cards are loaded: add some to the seeds folder (GRADQUIZ_SEEDS).';
  const width = Math.max(...cards.map((card) => card.id.length));
  return [
    style.bold(`${plural(cards.length, 'card')} (/quiz ID starts one):`),
    ...cards.map(
      (card) =>
        `  ${card.id.padEnd(width)}  ${card.grading === 'self' ? 'flashcard' : 'graded   '}  difficulty ${card.difficulty}  ${card.course}` +
        style.dim(` · ${card.tags.join(', ')}`),
    ),
  ].join('\n');
}
