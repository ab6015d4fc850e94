import type { Expr } from '../expr/ast.ts';
import { tooDeep, tooLong, unbalanced } from './readErrors.ts';
import type { ReadError } from './types.ts';

/**
 * Bounds on what the reader accepts. mathjs's parser overflows the stack at ~261 nested brackets and
 * a long chain of `+` at compile time, so nothing reaches it before these checks pass.
 */
export const LIMITS = {
  /** The message as typed, wrappers and left-hand side included. */
  rawLength: 4000,
  /** The expression itself, once wrappers and left-hand side are gone. */
  length: 500,
  /** The expression after LaTeX and Unicode are spelled out for mathjs (`\frac` grows into brackets). */
  convertedLength: 2000,
  bracketDepth: 40,
  convertedBracketDepth: 100,
  nodes: 200,
  depth: 40,
  /** The largest numeric index (`x_99`); whether it exists for a given n is the grader's business. */
  position: 99,
} as const;

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);

/** Checks that brackets pair up and do not nest too deeply; `source` is quoted in the message. */
export function checkBrackets(text: string, source: string, maxDepth: number): ReadError | undefined {
  const stack: string[] = [];
  let deepest = 0;
  for (const c of text) {
    const closer = OPENERS[c];
    if (closer !== undefined) {
      stack.push(closer);
      deepest = Math.max(deepest, stack.length);
    } else if (CLOSERS.has(c)) {
      const expected = stack.pop();
      if (expected === undefined) return unbalanced(source, { kind: 'no_opening', bracket: c });
      if (expected !== c) return unbalanced(source, { kind: 'mismatched', expected, found: c });
    }
  }
  if (deepest > maxDepth) return tooDeep(deepest, 'brackets', maxDepth);
  const missing = stack.pop();
  if (missing !== undefined) return unbalanced(source, { kind: 'missing', bracket: missing });
  return undefined;
}

/** Checks a length against its limit. */
export function checkLength(text: string, limit: number): ReadError | undefined {
  return text.length > limit ? tooLong(text.length, limit) : undefined;
}

/** The number of nodes of an expression and the length of its longest branch. */
export function measure(expr: Expr): { readonly nodes: number; readonly depth: number } {
  const children: readonly Expr[] =
    expr.kind === 'neg'
      ? [expr.arg]
      : expr.kind === 'binary'
        ? [expr.left, expr.right]
        : expr.kind === 'call'
          ? expr.args
          : expr.kind === 'sum'
            ? [expr.body]
            : [];
  let nodes = 1;
  let depth = 0;
  for (const child of children) {
    const size = measure(child);
    nodes += size.nodes;
    depth = Math.max(depth, size.depth);
  }
  return { nodes, depth: depth + 1 };
}
