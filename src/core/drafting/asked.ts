import { mathSegments } from './mathSegments.ts';
import { nameOf, withoutComponentIndex } from './texNames.ts';
import {
  groupBody,
  groupEnd,
  isChar,
  isCmd,
  skipSpaces,
  splitTopLevel,
  texOf,
  tokenizeTex,
  type TexToken,
} from './texTokens.ts';

/** A derivative a text asks for or a formula names: of what (`ell`), with respect to what (`w`). */
export interface Derivative {
  /** The function differentiated, when the notation says (`\nabla \ell`, `∂ℓ/∂b`). */
  readonly of?: string;
  readonly wrt?: string;
}

/** Fonts and accents a name may be written in (`\mathcal{L}`, `\hat{y}`): they belong to the name. */
const NAME_WRAPPERS = ['mathcal', 'mathbf', 'boldsymbol', 'bm', 'mathrm', 'operatorname', 'hat', 'mathit'];

/** The first derivative a text asks for: in its maths, or in words ("with respect to $b$"). */
export function askedIn(markdown: string): Derivative | undefined {
  for (const segment of mathSegments(markdown)) {
    const found = derivativeIn(segment.tex);
    if (found !== undefined) return found;
  }
  const words =
    /(?:with respect to|w\.r\.t\.?)\s+(?:(?:the|its|their)\s+)?(?:[a-z]+\s+){0,2}\$([^$]+)\$/i.exec(markdown);
  const wrt = words?.[1] === undefined ? undefined : nameOf(withoutComponentIndex(words[1]));
  return wrt === undefined ? undefined : { wrt };
}

/** Whether two derivatives are the same one, as far as each says. */
export function sameDerivative(a: Derivative, b: Derivative): boolean {
  return a.wrt === b.wrt && (a.of === undefined || b.of === undefined || a.of === b.of);
}

/**
 * The first derivative notation in a piece of TeX: `\nabla \ell(w)`, `\nabla_{\mathbf{w}} \ell`,
 * `\frac{\partial \ell}{\partial w_j}` (a component stands for its vector), `\frac{d\ell}{db}`,
 * `\partial \ell / \partial b`.
 */
export function derivativeIn(tex: string): Derivative | undefined {
  const tokens = tokenizeTex(tex);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const found = isCmd(t, 'nabla')
      ? nabla(tokens, i + 1)
      : isCmd(t, 'frac', 'dfrac', 'tfrac')
        ? fraction(tokens, i + 1)
        : isCmd(t, 'partial')
          ? slashed(tokens, i + 1)
          : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A name at `i`, with the font or accent it is written in: its tokens' end, and the name. */
function nameAt(tokens: readonly TexToken[], i: number): { end: number; name?: string } {
  const at = skipSpaces(tokens, i);
  const t = tokens[at];
  const end = isCmd(t, ...NAME_WRAPPERS) ? groupEnd(tokens, skipSpaces(tokens, at + 1)) : at + 1;
  const name = nameOf(texOf(tokens.slice(at, end)));
  return name === undefined ? { end: at } : { end, name };
}

function nabla(tokens: readonly TexToken[], from: number): Derivative | undefined {
  let at = skipSpaces(tokens, from);
  let wrt: string | undefined;
  if (isChar(tokens[at], '_')) {
    const sub = skipSpaces(tokens, at + 1);
    wrt = nameOf(texOf(groupBody(tokens, sub)));
    at = groupEnd(tokens, sub);
  }
  const of = nameAt(tokens, at);
  const open = skipSpaces(tokens, of.end);
  if (wrt === undefined && isChar(tokens[open], '(')) {
    const args = splitTopLevel(tokens.slice(open + 1, groupEnd(tokens, open) - 1), (t) => isChar(t, ','));
    if (args.length === 1) wrt = nameOf(texOf(args[0] ?? []));
  }
  if (of.name === undefined && wrt === undefined) return undefined;
  return { ...(of.name !== undefined ? { of: of.name } : {}), ...(wrt !== undefined ? { wrt } : {}) };
}

/** `\partial` or a `d` before the rest of a fraction's numerator or denominator. */
function afterDifferential(tokens: readonly TexToken[]): string | undefined {
  const at = skipSpaces(tokens, 0);
  const t = tokens[at];
  if (isCmd(t, 'partial')) return texOf(tokens.slice(at + 1));
  if (isCmd(t, 'mathrm') && texOf(groupBody(tokens, skipSpaces(tokens, at + 1))) === 'd')
    return texOf(tokens.slice(groupEnd(tokens, skipSpaces(tokens, at + 1))));
  if (isChar(t, 'd')) return texOf(tokens.slice(at + 1));
  return undefined;
}

function fraction(tokens: readonly TexToken[], from: number): Derivative | undefined {
  const top = skipSpaces(tokens, from);
  const bottom = skipSpaces(tokens, groupEnd(tokens, top));
  const of = afterDifferential(groupBody(tokens, top));
  const by = afterDifferential(groupBody(tokens, bottom));
  if (of === undefined || by === undefined) return undefined;
  const wrt = nameOf(withoutComponentIndex(by));
  if (wrt === undefined) return undefined;
  const name = of === '' ? nameAt(tokens, groupEnd(tokens, bottom)).name : nameOf(of);
  return { ...(name !== undefined ? { of: name } : {}), wrt };
}

/** `\partial \ell / \partial w_j`, inline. */
function slashed(tokens: readonly TexToken[], from: number): Derivative | undefined {
  const slash = tokens.findIndex((t, i) => i >= from && isChar(t, '/'));
  const second = skipSpaces(tokens, slash + 1);
  if (slash < 0 || !isCmd(tokens[second], 'partial')) return undefined;
  let end = second + 1;
  while (end < tokens.length && !isChar(tokens[end], '=,') && !isCmd(tokens[end], 'qquad', 'quad')) end++;
  const wrt = nameOf(withoutComponentIndex(texOf(tokens.slice(second + 1, end))));
  const of = nameOf(texOf(tokens.slice(from, slash)));
  return wrt === undefined ? undefined : { ...(of !== undefined ? { of } : {}), wrt };
}
