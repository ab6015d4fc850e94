import type { Card } from './card.ts';
import { cardVocabulary } from './vocabulary.ts';
import { exprToTex } from '../expr/tex.ts';
import { readExpression } from '../reader/index.ts';

/**
 * An answer as TeX, as the reader understood it on `card` (`1/2 x` becomes `\frac{1}{2} x`), to be
 * typeset; undefined when it does not read or the card takes no answers.
 */
export function readBackTex(card: Card, input: string): string | undefined {
  if (card.grading === 'self') return undefined;
  const vocab = cardVocabulary(card);
  const read = readExpression(input, vocab);
  return read.ok ? exprToTex(read.expr, vocab.names) : undefined;
}
