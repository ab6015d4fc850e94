/**
 * TeX as a list of tokens (a command, or one character), so that the drafting readers can find
 * what stands outside every bracket — a `,` between two statements, an `=` of a chain, the set
 * after `\in` — without tripping over `\sum_{i=1}^n` or `\{0, 1\}`.
 */
export type TexToken = { readonly cmd: string } | { readonly ch: string };

export function tokenizeTex(tex: string): TexToken[] {
  const tokens: TexToken[] = [];
  const word = /[A-Za-z]+/y;
  for (let i = 0; i < tex.length;) {
    const c = tex.charAt(i);
    if (c !== '\\') {
      tokens.push({ ch: c });
      i++;
      continue;
    }
    word.lastIndex = i + 1;
    const name = word.exec(tex)?.[0] ?? tex.charAt(i + 1);
    tokens.push({ cmd: name });
    i += 1 + Math.max(name.length, 1);
  }
  return tokens;
}

export function texOf(tokens: readonly TexToken[]): string {
  return tokens
    .map((t, i) => {
      if ('ch' in t) return t.ch;
      // A command followed by a letter needs a space, or `\cdot x` would become `\cdotx`.
      const next = tokens[i + 1];
      const glued = /^[A-Za-z]/.test(t.cmd) && next !== undefined && 'ch' in next && /[A-Za-z]/.test(next.ch);
      return glued ? `\\${t.cmd} ` : `\\${t.cmd}`;
    })
    .join('')
    .trim();
}

const OPEN_CHARS = new Set(['(', '[', '{']);
const CLOSE_CHARS = new Set([')', ']', '}']);
const OPEN_CMDS = new Set(['{', 'lbrace', 'langle']);
const CLOSE_CMDS = new Set(['}', 'rbrace', 'rangle']);

/** +1 for an opening bracket, -1 for a closing one, 0 otherwise. */
export function depthStep(t: TexToken | undefined): number {
  if (t === undefined) return 0;
  if ('ch' in t) return OPEN_CHARS.has(t.ch) ? 1 : CLOSE_CHARS.has(t.ch) ? -1 : 0;
  return OPEN_CMDS.has(t.cmd) ? 1 : CLOSE_CMDS.has(t.cmd) ? -1 : 0;
}

export const isChar = (t: TexToken | undefined, chars: string): boolean =>
  t !== undefined && 'ch' in t && chars.includes(t.ch) && t.ch !== '';

export const isCmd = (t: TexToken | undefined, ...names: string[]): boolean =>
  t !== undefined && 'cmd' in t && names.includes(t.cmd);

/** Splits a token list at the tokens `isSeparator` accepts, outside every bracket. */
export function splitTopLevel(
  tokens: readonly TexToken[],
  isSeparator: (t: TexToken) => boolean,
): TexToken[][] {
  const pieces: TexToken[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    const step = depthStep(t);
    if (depth === 0 && step === 0 && isSeparator(t)) {
      pieces.push([]);
      continue;
    }
    depth = Math.max(0, depth + step);
    pieces[pieces.length - 1]?.push(t);
  }
  return pieces;
}

/** The index just past the bracket group that opens at `start` (or `start + 1` for a single token). */
export function groupEnd(tokens: readonly TexToken[], start: number): number {
  if (depthStep(tokens[start]) !== 1) return start + 1;
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    depth += depthStep(tokens[i]);
    if (depth === 0) return i + 1;
  }
  return tokens.length;
}

/** The tokens of a `{…}` argument without its braces, or the single token. */
export function groupBody(tokens: readonly TexToken[], start: number): TexToken[] {
  const end = groupEnd(tokens, start);
  return isChar(tokens[start], '{') ? tokens.slice(start + 1, end - 1) : tokens.slice(start, end);
}

const isSpace = (t: TexToken | undefined): boolean => t !== undefined && 'ch' in t && /^\s$/.test(t.ch);

/** The index of the first token at or after `i` that is not white space. */
export function skipSpaces(tokens: readonly TexToken[], i: number): number {
  let at = i;
  while (isSpace(tokens[at])) at++;
  return at;
}
