import type { Card } from '../core/cards/card.ts';
import type { CardRecord, Clock, Store } from './ports/index.ts';

export interface SyncCardsResult {
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly retired: readonly string[];
  readonly unchanged: number;
}

/** A short title for lists: the question's first line, without Markdown emphasis. */
function titleOf(card: Card): string {
  const line = card.question.split('\n').find((text) => text.trim() !== '') ?? card.id;
  const plain = line.replace(/[#*_`]/g, '').trim();
  return plain.length > 100 ? `${plain.slice(0, 99)}…` : plain;
}

/**
 * Brings the store's cards in line with the seeds by content hash: a new card is added, a changed one
 * updated (and un-retired), a card gone from the seeds retired — never deleted, so its attempts stay.
 */
export async function syncCards(
  deps: { store: Store; clock: Clock },
  cards: readonly Card[],
): Promise<SyncCardsResult> {
  const stored = new Map((await deps.store.cards.list()).map((card) => [card.id, card]));
  const added: string[] = [];
  const updated: string[] = [];
  let unchanged = 0;
  for (const card of cards) {
    const before = stored.get(card.id);
    stored.delete(card.id);
    if (before && before.contentHash === card.contentHash && before.retiredAt === null) {
      unchanged++;
      continue;
    }
    const record: CardRecord = {
      id: card.id,
      file: card.file,
      contentHash: card.contentHash,
      title: titleOf(card),
      course: card.course,
      tags: card.tags,
      difficulty: card.difficulty,
      retiredAt: null,
    };
    await deps.store.cards.save(record);
    (before ? updated : added).push(card.id);
  }
  const retired: string[] = [];
  const now = deps.clock.now();
  for (const card of stored.values()) {
    if (card.retiredAt !== null) continue;
    await deps.store.cards.save({ ...card, retiredAt: now });
    retired.push(card.id);
  }
  return { added, updated, retired, unchanged };
}
