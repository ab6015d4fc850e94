import type { CardCatalog } from '../../app/index.ts';
import type { Card } from '../../core/cards/card.ts';

/** A card catalog whose cards can be replaced while the app runs (`/quizadmin reload`). */
export function reloadableCatalog(
  initial: readonly Card[],
): CardCatalog & { replace(cards: readonly Card[]): void } {
  let cards = initial;
  let byId = new Map(cards.map((card) => [card.id, card]));
  return {
    get: (id) => byId.get(id),
    all: () => cards,
    replace(next) {
      cards = next;
      byId = new Map(next.map((card) => [card.id, card]));
    },
  };
}
