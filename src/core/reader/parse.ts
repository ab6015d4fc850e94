import { create, parseDependencies, type MathNode } from 'mathjs/number';
import { notAllowed, syntax, unbalanced } from './readErrors.ts';
import type { ReadError } from './types.ts';

/**
 * mathjs's parser alone, in an instance with nothing else: the reader never evaluates with mathjs,
 * and the number-only build loads in about half the time of the full one.
 */
const math = create({ ...parseDependencies }, {});

/** Parses mathjs text; `source` (what the student typed) is quoted in errors, never mathjs's wording. */
export function parseMath(text: string, source: string): MathNode | ReadError {
  try {
    return math.parse(text);
  } catch (failure) {
    return translate(failure, text, source);
  }
}

function translate(failure: unknown, text: string, source: string): ReadError {
  const message = failure instanceof Error ? failure.message : '';
  const at =
    typeof (failure as { char?: unknown }).char === 'number' ? (failure as { char: number }).char - 1 : -1;
  const near = at >= 0 ? text.slice(Math.max(0, at - 8), at + 8).trim() : undefined;
  let match: RegExpExecArray | null;
  if (/^Unexpected end of expression/.test(message)) {
    return syntax(source, { kind: 'ends_early' });
  }
  if (/^Parenthesis \) expected/.test(message)) return unbalanced(source, { kind: 'missing', bracket: ')' });
  if (/^(?:Parenthesis \]|End of matrix \]) expected/.test(message))
    return unbalanced(source, { kind: 'missing', bracket: ']' });
  if (/^End of string/.test(message) || /^Bad escape|^Invalid unicode/.test(message)) {
    return notAllowed({ kind: 'text' }, near ?? '"');
  }
  if (/^Value expected/.test(message)) return syntax(source, { kind: 'value_missing' }, near);
  if ((match = /^Unexpected operator (\S+)/.exec(message)) !== null) {
    const operator = match[1] ?? '';
    return syntax(
      source,
      operator === ',' ? { kind: 'comma' } : { kind: 'operator_out_of_place', operator },
      near,
    );
  }
  if ((match = /^(?:Unexpected part|Syntax error in part) "(.*)"/.exec(message)) !== null) {
    const part = match[1] ?? '';
    return syntax(source, { kind: 'unknown_part', part }, part);
  }
  if (/^Digit expected|is not a valid number/.test(message)) {
    return syntax(source, { kind: 'bad_number' }, near);
  }
  if (/conditional/.test(message)) return syntax(source, { kind: 'conditional' }, '?');
  if (/assign/.test(message)) {
    return syntax(source, { kind: 'assignment' }, '=');
  }
  if (/^Property name expected after dot/.test(message))
    return syntax(source, { kind: 'dot_out_of_place' }, near);
  if (/^Column dimensions mismatch/.test(message)) {
    return notAllowed({ kind: 'list' }, '[');
  }
  return syntax(source, { kind: 'unreadable' }, near);
}
