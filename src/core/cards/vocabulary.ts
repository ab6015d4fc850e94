import type { NameKind, Vocabulary } from '../expr/ast.ts';
import type { Shape } from '../expr/shape.ts';
import type { NumericCard as Card } from './card.ts';

/** The names and aliases the reader resolves against. */
export function vocabularyOf(
  shapes: ReadonlyMap<string, Shape>,
  aliases: ReadonlyMap<string, string>,
): Vocabulary {
  return {
    names: new Map([...shapes].map(([name, shape]): [string, NameKind] => [name, shape.kind])),
    aliases,
  };
}

const cache = new WeakMap<Card, Vocabulary>();

/** A card's vocabulary, built once per card. */
export function cardVocabulary(card: Card): Vocabulary {
  let vocabulary = cache.get(card);
  if (vocabulary === undefined) {
    vocabulary = vocabularyOf(card.shapes, card.aliases);
    cache.set(card, vocabulary);
  }
  return vocabulary;
}
