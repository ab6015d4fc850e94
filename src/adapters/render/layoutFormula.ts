import type { PageLayout } from './layoutPage.ts';
import type { MathBox } from './texConverter.ts';

/** Space around a read-back formula, in thousandths of an em. */
export const FORMULA_PADDING_X = 450;
const PADDING_Y = 350;

/** A single display formula on a page just big enough for it. */
export function layoutFormula(math: MathBox): PageLayout {
  const width = math.width + 2 * FORMULA_PADDING_X;
  const baseline = PADDING_Y + math.height;
  return {
    body: `<g transform="translate(${FORMULA_PADDING_X},${Math.round(baseline)})">${math.svg}</g>`,
    width,
    height: baseline + math.depth + PADDING_Y,
  };
}
