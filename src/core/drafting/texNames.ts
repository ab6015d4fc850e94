import { toMathText } from '../reader/mathText.ts';

/**
 * The name the reader makes of a piece of TeX, which is the name students will type and the
 * drafted block uses: `\hat{y}` → `yhat`, `\mathbf{w}` → `w`, `\lambda` → `lambda`, `\ell` → `ell`.
 */
export function nameOf(tex: string): string | undefined {
  const text = toMathText(tex, tex);
  return typeof text === 'string' && /^[A-Za-z][A-Za-z0-9]*$/.test(text) ? text : undefined;
}

/** The name a definition's left side defines: `\hat{y}(x, w)` → `yhat` (its arguments only say what it depends on). */
export function headOf(tex: string): string | undefined {
  const text = toMathText(tex, tex);
  if (typeof text !== 'string') return undefined;
  return /^([A-Za-z][A-Za-z0-9]*)\s*(?:\([^()]*\))?$/.exec(text.trim())?.[1];
}

/** `x^i`, `y^{(i)}`: the index of a sample in a training set, not part of the variable's name. */
export function withoutSampleIndex(tex: string): string {
  return tex.replace(/\^\s*(?:\{\s*\(?\s*[a-z]\s*\)?\s*\}|[a-z])/g, '');
}

/** The name under a component index: `w_j`, `w_{1}` → `w` (for `∂ℓ/∂w_j`). */
export function withoutComponentIndex(tex: string): string {
  return tex.replace(/_\s*(?:\{\s*[A-Za-z0-9]+\s*\}|[A-Za-z0-9])\s*$/, '');
}
