import { resolveName } from '../reader/aliases.ts';
import { GREEK_COMMANDS } from '../reader/greek.ts';
import { toMathText } from '../reader/mathText.ts';

/** What the text says about the names of a formula before the card's vocabulary is known. */
export interface NameUse {
  /** Names in order of first appearance (functions and constants left out). */
  readonly names: readonly string[];
  /** Names the text treats as vectors: indexed (`w_i`), transposed (`w^T`), in a norm or a dot product. */
  readonly vectors: ReadonlySet<string>;
}

const NO_VOCABULARY = { names: new Map(), aliases: new Map() };
const SPELLED = new Set(GREEK_COMMANDS.values());
const IDENTIFIER = /(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9]*)(_[A-Za-z0-9]+)?(\s*')?/g;
/** `w' x`, `w' * x`: what a transposed vector multiplies is a vector too. */
const TRANSPOSED_PRODUCT = /[A-Za-z0-9]\s*'\s*\*?\s*([A-Za-z][A-Za-z0-9]*)/g;

/**
 * Scans formulas (TeX) for the names they use, as the reader will spell them. A run of letters that
 * is not a word the reader knows (`lambda`, `yhat`) nor a name in `known` is letters side by side
 * (`yx`), which the reader multiplies.
 */
export function nameUse(texs: readonly string[], known: ReadonlySet<string>): NameUse {
  const names: string[] = [];
  const vectors = new Set<string>();
  const add = (name: string) => {
    if (resolveName(name, NO_VOCABULARY) === undefined && !names.includes(name)) names.push(name);
  };
  for (const tex of texs) {
    for (const bold of tex.matchAll(/\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*\\?([A-Za-z]+)/g)) {
      const text = toMathText(bold[0].replace(/\{$/, '') + (bold[0].includes('{') ? '}' : ''), '');
      if (typeof text === 'string') vectors.add(text.trim());
    }
    const text = toMathText(tex, tex);
    if (typeof text !== 'string') continue;
    for (const call of text.matchAll(/\b(?:norm|dot)\(\s*([A-Za-z]\w*)\s*(?:,\s*([A-Za-z]\w*)\s*)?\)/g))
      [call[1], call[2]].forEach((v) => v !== undefined && vectors.add(v));
    for (const m of text.matchAll(TRANSPOSED_PRODUCT))
      if (m[1] !== undefined && isWord(m[1], known)) vectors.add(m[1]);
    for (const m of text.matchAll(IDENTIFIER)) {
      const [, word = '', index, transposed] = m;
      const parts = isWord(word, known) ? [word] : [...word];
      parts.forEach(add);
      const last = parts[parts.length - 1] ?? word;
      if (index !== undefined || transposed !== undefined) vectors.add(last);
    }
  }
  return { names, vectors };
}

function isWord(word: string, known: ReadonlySet<string>): boolean {
  return (
    word.length === 1 ||
    known.has(word) ||
    SPELLED.has(word) ||
    /^[A-Za-z]+(?:hat|bar|tilde)$/.test(word) ||
    resolveName(word, NO_VOCABULARY) !== undefined
  );
}
