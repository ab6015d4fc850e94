import type { NameKind, Vocabulary } from '../../../core/expr/ast.ts';
import { isNumeric, type Card } from '../../../core/cards/card.ts';
import { cardVocabulary } from '../../../core/cards/vocabulary.ts';
import { resolveName } from '../../../core/reader/aliases.ts';

/** Wrapped in code or a spoiler: the student marked it as an answer. */
const WRAPPED = /^(?:```[\s\S]*```|`[^`][\s\S]*`|\|\|[\s\S]+\|\|)$/;

/** What joins terms or writes maths: operators, brackets, `=`, LaTeX commands, maths symbols. */
const OPERATOR = /[-+*/^()=·×−∂∇√Σσ⊙]|\\[A-Za-z]+/;

/** Words, Unicode letters included (`ŷ`, `σ`, `λ`), with their combining marks. */
const WORDS = /\p{L}[\p{L}\p{M}\d_]*/gu;

const merged = new WeakMap<readonly Card[], Vocabulary>();

/** Every name and alias of every graded card, as one vocabulary; built once per catalog. */
function deckVocabulary(cards: readonly Card[]): Vocabulary {
  let vocabulary = merged.get(cards);
  if (vocabulary === undefined) {
    const names = new Map<string, NameKind>();
    const aliases = new Map<string, string>();
    for (const card of cards.filter(isNumeric)) {
      const own = cardVocabulary(card);
      for (const [name, kind] of own.names) names.set(name, kind);
      for (const [alias, name] of own.aliases) aliases.set(alias, name);
    }
    vocabulary = { names, aliases };
    merged.set(cards, vocabulary);
  }
  return vocabulary;
}

/**
 * The cheap test a thread message passes before anything is asked of the database: wrapped as an
 * answer, or holding an operator or a name (or function) of some graded card. Chat without either
 * ("thanks!", "I don't get it") costs no query, even while the database is down; what passes is
 * then confirmed against the thread's quiz and its card.
 */
export function mayBeAnswer(text: string, cards: readonly Card[]): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  if (WRAPPED.test(trimmed) || OPERATOR.test(trimmed)) return true;
  const vocabulary = deckVocabulary(cards);
  return (trimmed.match(WORDS) ?? []).some((word) => {
    const resolved = resolveName(word, vocabulary);
    return resolved !== undefined && resolved.kind !== 'constant';
  });
}
