import { ReadFailure, syntax } from './readErrors.ts';

/**
 * A Σ marker (`Σ_i`, or a bare `Σ`) left by the LaTeX step takes as its body what follows it up to the
 * next `+` or `-` outside brackets, as in `\sum_i w_i x_i + b`: the body becomes the argument of
 * `sum_i(…)`, which `toExpr` reads as a Σ node. A bare Σ runs over the one index letter its body uses
 * (`Σ w_i x_i`), or adds up the components of a vector (`Σ x`, plain `sum(x)`).
 */
export function wrapSums(text: string, source: string): string {
  let out = text;
  // Right to left, so that an outer Σ's body already holds its inner sums, finished.
  for (let at = out.lastIndexOf('Σ'); at >= 0; at = out.lastIndexOf('Σ')) {
    const marker = /^Σ(?:_([A-Za-z]))?/.exec(out.slice(at, at + 3));
    const start = at + (marker?.[0].length ?? 1);
    const end = bodyEnd(out, start);
    const body = out.slice(start, end);
    if (body.trim() === '') {
      throw new ReadFailure(syntax(source, { kind: 'sum_of_nothing' }));
    }
    const letter = marker?.[1] ?? bodyLetter(body, source);
    out = `${out.slice(0, at)} ${letter === undefined ? 'sum' : `sum_${letter}`}(${body})${out.slice(end)}`;
  }
  return out;
}

/** Where a Σ's body ends: a closing bracket or comma of the enclosing level, or a binary `+`/`-`. */
function bodyEnd(text: string, start: number): number {
  let depth = 0;
  let previous = '';
  for (let i = start; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && c === ',') return i;
    else if (depth === 0 && (c === '+' || c === '-') && !isUnary(text, previous, i)) return i;
    if (c !== ' ') previous = c;
  }
  return text.length;
}

/** A sign is unary at the start of the body, after an operator, or in an exponent (`1e-5`). */
function isUnary(text: string, previous: string, i: number): boolean {
  if (previous === '' || '*/^(,'.includes(previous)) return true;
  return /[0-9]e$/.test(text.slice(Math.max(0, i - 2), i));
}

/** The one index letter a bare Σ's body uses, or none (then it sums a vector's components). */
function bodyLetter(body: string, source: string): string | undefined {
  const letters = new Set([...body.matchAll(/[A-Za-z0-9]_([A-Za-z])(?![A-Za-z0-9])/g)].map((m) => m[1]));
  if (letters.size > 1) {
    throw new ReadFailure(syntax(source, { kind: 'sum_index_unclear' }));
  }
  return [...letters][0];
}
