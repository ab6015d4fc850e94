import { AttachmentBuilder } from 'discord.js';
import type { NumericCard } from '../../../core/cards/card.ts';
import { cardVocabulary } from '../../../core/cards/vocabulary.ts';
import { exprToTex } from '../../../core/expr/tex.ts';
import { readExpression } from '../../../core/reader/index.ts';
import type { Renderer } from '../../render/index.ts';

/** Discord shows images on its dark theme by default. */
const THEME = 'dark';

/**
 * The student's answer typeset as the reader understood it, as a PNG to attach — so they can see
 * `1/2 x` was read as ½·x. Undefined when there is no renderer, the answer does not read, or MathJax
 * refuses the TeX (the text verdict is enough then).
 */
export async function readBackImage(
  renderer: Renderer | undefined,
  card: NumericCard,
  input: string,
): Promise<AttachmentBuilder | undefined> {
  if (!renderer) return undefined;
  const vocab = cardVocabulary(card);
  const read = readExpression(input, vocab);
  if (!read.ok) return undefined;
  const tex = exprToTex(read.expr, vocab.names);
  const png = await renderer.renderTexPng(tex, { theme: THEME });
  if (!png.ok) return undefined;
  return new AttachmentBuilder(png.value.png, {
    name: 'answer.png',
    description: `Read as: ${read.normalized}`.slice(0, 1024),
  });
}
