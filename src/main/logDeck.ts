import type { Logger } from 'pino';

import type { SeedBank } from '../adapters/seeds/loadSeeds.ts';
import { cardProblemWords } from '../adapters/text/cardProblemWords.ts';

/**
 * What an operator should know about the deck: files refused, and derivations served as flashcards
 * because their written block is wrong or none could be drafted (\`gradquiz cards check\` says more).
 */
export function logDeck(logger: Logger, bank: SeedBank): void {
  for (const card of bank.broken)
    logger.warn(
      { file: card.file, problems: card.problems.map((p) => `${p.field}: ${cardProblemWords(p)}`) },
      'card refused',
    );
  for (const card of bank.cards)
    if (card.grading === 'self' && card.fallback !== undefined)
      logger.warn(
        { file: card.file, cardId: card.id, why: card.fallback },
        'derivation served as a flashcard',
      );
}
