import { GREEK_LETTERS } from './greek.ts';

/**
 * Unicode from phones and copy-pastes, rewritten as the ASCII LaTeX the next steps read: `ŷ` →
 * `\hat{y}`, `σ` → `\sigma`, `·` → `*`, `²` → `^{2}`, `ᵀ` → `^{T}`, full-width `（` → `(`.
 */

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
  '⁺': '+', '⁻': '-', '⁽': '(', '⁾': ')', ⁿ: 'n', ⁱ: 'i', ᵀ: 'T', ᵗ: 'T',
}; // prettier-ignore

const SUBSCRIPTS: Readonly<Record<string, string>> = {
  '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9',
  ᵢ: 'i', ⱼ: 'j', ₖ: 'k', ₙ: 'n', ₘ: 'm', ₗ: 'l', ₜ: 't',
}; // prettier-ignore

/** Symbols rewritten before compatibility decomposition, which would lose them (`ℓ` → `l`, `…` → `...`). */
const SYMBOLS: Readonly<Record<string, string>> = {
  '·': '*', '⋅': '*', '∙': '*', '•': '*', '×': '*', '∗': '*', '✕': '*', '✖': '*',
  '−': '-', '–': '-', '—': '-', '‐': '-', '‑': '-', '‒': '-', '﹣': '-',
  '÷': '/', '∕': '/', '⁄': '/',
  '√': '\\sqrt ', '∑': '\\sum ', Σ: '\\sum ', '∇': '\\nabla ', '∂': '\\partial ', ℓ: '\\ell ', '∞': '\\infty ',
  '∣': '|', '’': "'", '′': "'", '‘': "'", '“': '"', '”': '"',
  '⊤': '\\top ', '⊙': '\\odot ', '∘': '\\odot ', '⊘': '\\oslash ',
  '⟨': '\\langle ', '〈': '\\langle ', '⟩': '\\rangle ', '〉': '\\rangle ', '…': '\\dots ', '⋯': '\\dots ',
}; // prettier-ignore

const COMBINING_ACCENTS: Readonly<Record<string, string>> = {
  '\u0302': 'hat',
  '\u0304': 'bar',
  '\u0303': 'tilde',
};

/** A run of superscript or subscript characters, rewritten as one `^{…}` or `_{…}` group. */
function runs(table: Readonly<Record<string, string>>, mark: string): (text: string) => string {
  const pattern = new RegExp(`[${Object.keys(table).join('')}]+`, 'gu');
  return (text) => text.replace(pattern, (run) => `${mark}{${[...run].map((c) => table[c]).join('')}}`);
}

const superscripts = runs(SUPERSCRIPTS, '^');
const subscripts = runs(SUBSCRIPTS, '_');

/** Rewrites the Unicode in `text` as ASCII LaTeX; ASCII text comes back unchanged. */
export function unicodeToLatex(text: string): string {
  if (/^[ -~\s]*$/.test(text)) return text;
  let out = subscripts(superscripts(text));
  // `√12` is the root of 12 and `√yhat` of yhat, as written; `\sqrt` alone would take one character.
  out = out.replace(/√\s*([0-9]+(?:\.[0-9]+)?|[A-Za-z]+(?:_[A-Za-z0-9])?)/g, '\\sqrt{$1}');
  out = out.replace(/./gsu, (c) => SYMBOLS[c] ?? c);
  // NFKD turns full-width and mathematical-alphabet letters into ASCII and splits `ŷ` into `y` + U+0302.
  out = out.normalize('NFKD');
  out = out.replace(/([A-Za-z])([\u0302\u0304\u0303])/g, (_m, letter: string, accent: string) => {
    return `\\${COMBINING_ACCENTS[accent]}{${letter}}`;
  });
  out = out.replace(/[\u0300-\u036f\u20d0-\u20ff]/g, '');
  return out.replace(/./gsu, (c) => {
    const name = GREEK_LETTERS[c];
    return name === undefined ? c : `\\${name} `;
  });
}
