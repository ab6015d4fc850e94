import type { NumericCard } from '../../../core/cards/card.ts';
import { cardVocabulary } from '../../../core/cards/vocabulary.ts';
import { resolveName } from '../../../core/reader/aliases.ts';
import { readExpression } from '../../../core/reader/index.ts';
import { dropLeftHandSide } from '../../../core/reader/lefthandside.ts';

/** The whole message in a code block, inline code, or a spoiler: the student marked it as an answer. */
const WRAPPED = /^(?:```[\s\S]*```|`[^`][\s\S]*`|\|\|[\s\S]+\|\|)$/;

/** A derivative on the left of `=`: `dl/dw`, `∂ℓ/∂w_j`, `\frac{\partial \ell}{\partial w}`, `∇ℓ(w)`, `grad`. */
const DERIVATIVE = /\bd\s*\w*\s*\/\s*d\s*\w+|∂|\\partial|∇|\\nabla|\bgrad\b|\bgradient\b/i;

/** Something that joins or groups terms; a bare word is never an answer by this route. */
const OPERATOR = /[-+*/^()·×−=]|\\frac|\\cdot/;

/**
 * Whether a message typed in a quiz thread is an answer (SPEC section 2): wrapped in code or a
 * spoiler, or with a derivative as its left-hand side, or read as an expression using at least one
 * of the card's names. Anything else is chat: left alone, nothing recorded.
 *
 * A message that does not read (`(y - yhat * x`) still counts as an answer when every word in it
 * is one the reader knows and it uses a card name and an operator, so that a typo gets "could not
 * read" instead of silence, while `is it x^2?` stays chat.
 */
export function isThreadAnswer(text: string, card: NumericCard): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  if (WRAPPED.test(trimmed)) return true;
  const { rest, hadLeftHandSide } = dropLeftHandSide(trimmed);
  if (hadLeftHandSide && DERIVATIVE.test(trimmed.slice(0, trimmed.length - rest.length))) return true;

  const vocab = cardVocabulary(card);
  const read = readExpression(trimmed, vocab);
  if (read.ok) return [...read.names].some((name) => vocab.names.has(name));

  const words = trimmed.replace(/\\[A-Za-z]+/g, ' ').match(/[A-Za-z_]+/g) ?? [];
  const resolved = words.map((word) => (word === 'T' ? { kind: 'transpose' } : resolveName(word, vocab)));
  return (
    OPERATOR.test(trimmed) &&
    resolved.every((r) => r !== undefined) &&
    resolved.some((r) => r?.kind === 'name')
  );
}
