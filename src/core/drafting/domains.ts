import { mathSegments } from './mathSegments.ts';
import { statementsOf } from './statements.ts';
import { nameOf, withoutSampleIndex } from './texNames.ts';
import { depthStep, isChar, isCmd, splitTopLevel, texOf, tokenizeTex, type TexToken } from './texTokens.ts';

/** Where a name's values lie, as the card states it (`x \in \mathbb{R}^n`, `\lambda > 0`). */
export type Domain =
  | { readonly kind: 'vector'; readonly length: string | number }
  | { readonly kind: 'real'; readonly min: number; readonly max: number }
  | { readonly kind: 'positive' }
  | { readonly kind: 'choice'; readonly values: readonly number[] }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  /** A set the grader cannot draw from (a matrix space, a set of vectors): the card cannot be drafted. */
  | { readonly kind: 'unsupported'; readonly set: string };

/** How many counts `\{0, 1, 2, \dots\}` is drawn from: enough to meet y = 0, 1 and a few larger. */
const COUNT_SPAN = 5;

const isClauseBreak = (t: TexToken | undefined) =>
  isChar(t, ',;|:=$') || isCmd(t, 'mid', 'quad', 'qquad', 'text', 'colon', 'forall', 'in', 'vert');

/**
 * The domains stated anywhere in the card's maths, first statement wins: `\in` with the names
 * before it and the set after it (a tuple of names in a product of sets as well), and `name > 0`.
 */
export function domainsOf(markdown: string): Map<string, Domain> {
  const domains = new Map<string, Domain>();
  const state = (name: string | undefined, domain: Domain | undefined) => {
    if (name !== undefined && domain !== undefined && !domains.has(name)) domains.set(name, domain);
  };
  for (const segment of mathSegments(markdown)) {
    const tokens = tokenizeTex(segment.tex);
    tokens.forEach((t, at) => {
      if (!isCmd(t, 'in')) return;
      const names = namesBefore(tokens, at);
      const clause = clauseAfter(tokens, at + 1);
      const product = splitTopLevel(stripBrackets(clause), (s) => isCmd(s, 'times'));
      const sets = product.length > 1 ? product : [clause];
      if (names.length === 0 || (sets.length !== names.length && sets.length !== 1)) return;
      names.forEach((name, i) => state(name, readSet(texOf(sets[sets.length === 1 ? 0 : i] ?? []))));
    });
  }
  for (const statement of statementsOf(markdown)) {
    const positive = /^(.+?)\s*(?:>|\\gt|\\geq?|\\geqslant)\s*0$/.exec(statement.tex);
    if (positive?.[1] !== undefined) state(nameOf(positive[1]), { kind: 'positive' });
  }
  return domains;
}

/** The names a `\in` is about: `x`, `(x^i, y^i)`, or a list `\mathbf{x}, \mathbf{w}`. */
function namesBefore(tokens: readonly TexToken[], at: number): string[] {
  const names: string[] = [];
  let end = at;
  for (;;) {
    let depth = 0;
    let start = end;
    while (start > 0) {
      const t = tokens[start - 1];
      const step = depthStep(t);
      if (depth === 0 && (step === 1 || (step === 0 && isClauseBreak(t)))) break;
      depth -= step;
      start--;
    }
    const tuple = splitTopLevel(stripBrackets(tokens.slice(start, end)), (t) => isChar(t, ','));
    const read = tuple.map((piece) => nameOf(withoutSampleIndex(texOf(piece))));
    if (read.some((n) => n === undefined)) return names;
    names.unshift(...(read as string[]));
    // A list `x, w \in …`: the names before a comma share the set, as long as they are plain names.
    if (!isChar(tokens[start - 1], ',') || tuple.length !== 1) return names;
    end = start - 1;
  }
}

function clauseAfter(tokens: readonly TexToken[], from: number): TexToken[] {
  let depth = 0;
  let end = from;
  for (; end < tokens.length; end++) {
    const t = tokens[end];
    const step = depthStep(t);
    if (depth === 0 && (step === -1 || (step === 0 && isClauseBreak(t)))) break;
    depth += step;
  }
  return tokens.slice(from, end);
}

/** `(…)` around a whole tuple or product, `\left( … \right)` included. */
function stripBrackets(tokens: readonly TexToken[]): TexToken[] {
  const inner = tokens.filter(
    (t) => !isCmd(t, 'left', 'right', 'big', 'Big', 'bigl', 'bigr') && !isChar(t, ' '),
  );
  const first = inner[0];
  if (!isChar(first, '(') || inner.length < 2) return inner;
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    depth += depthStep(inner[i]);
    if (depth === 0) return i === inner.length - 1 ? inner.slice(1, -1) : inner;
  }
  return inner;
}

const NUMBER = String.raw`[+-]?\d+(?:\.\d+)?`;

/** A set as written, normalised: `\mathbb{R}^{n}` → `R^n`, `\{0, 1\}` → `⦃0,1⦄`, `\infty` → `∞`. */
function normalise(tex: string): string {
  return tex
    .replace(/\\(?:mathbb|mathbf|mathrm|mathcal|Bbb|operatorname)\b/g, '')
    .replace(/\\(?:left|right|big|Big)\b/g, '')
    .replace(/\\\{|\\lbrace\b/g, '⦃')
    .replace(/\\\}|\\rbrace\b/g, '⦄')
    .replace(/\\(?:l|c)?dots[a-z]*\b/g, '…')
    .replace(/\\infty\b/g, '∞')
    .replace(/\\times\b/g, '×')
    .replace(/\\(?:geq?|geqslant)\b/g, '≥')
    .replace(/ℝ/g, 'R')
    .replace(/[{}\s]|\\[,;:! ]/g, '')
    .replace(/\.$/, '');
}

function readSet(tex: string): Domain | undefined {
  const set = normalise(tex);
  if (/^R$/.test(set)) return { kind: 'real', min: -2, max: 2 };
  if (/^R(?:_\+|\^\+|_>0|_≥0|\^>0)$/.test(set)) return { kind: 'positive' };
  const vector = /^R\^([A-Za-z]|\d+)$/.exec(set);
  if (vector?.[1] !== undefined) {
    const length = vector[1];
    return { kind: 'vector', length: /^\d+$/.test(length) ? Number(length) : length };
  }
  if (/^(?:N|N_0|Z_≥0|Z_\+)$/.test(set)) return { kind: 'integer', min: 0, max: COUNT_SPAN };
  const listed = /^⦃(.*)⦄$/.exec(set);
  if (listed?.[1] !== undefined) return readList(listed[1].split(','), set);
  const interval = new RegExp(`^[[(](${NUMBER}),(${NUMBER}|\\+?∞)[\\])]$`).exec(set);
  if (interval?.[1] !== undefined && interval[2] !== undefined) {
    const min = Number(interval[1]);
    if (interval[2].endsWith('∞')) return min >= 0 ? { kind: 'positive' } : undefined;
    const max = Number(interval[2]);
    // An open end is kept away from, where a loss is usually undefined (log p at p = 0).
    const inset = (max - min) / 100;
    return {
      kind: 'real',
      min: set.startsWith('(') ? min + inset : min,
      max: set.endsWith(')') ? max - inset : max,
    };
  }
  return /^(?:R|⦃)/.test(set) ? { kind: 'unsupported', set: tex } : undefined;
}

/** `\{0, 1\}`, `\{-1, +1\}`, or the counts `\{0, 1, 2, \dots\}`. */
function readList(items: readonly string[], set: string): Domain {
  const numbers = items.filter((item) => item !== '…').map(Number);
  if (numbers.length === 0 || numbers.some((v) => !Number.isFinite(v))) return { kind: 'unsupported', set };
  if (items.includes('…')) {
    const min = Math.min(...numbers);
    return { kind: 'integer', min, max: Math.max(min + COUNT_SPAN, ...numbers) };
  }
  return { kind: 'choice', values: [...new Set(numbers)] };
}
