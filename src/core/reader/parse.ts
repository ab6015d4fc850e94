import { create, parseDependencies, type MathNode } from 'mathjs/number';
import { notAllowed, quote, syntax, unbalanced } from './messages.ts';
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
  const where = near === undefined || near === '' ? '' : ` near ${quote(near)}`;
  let match: RegExpExecArray | null;
  if (/^Unexpected end of expression/.test(message)) {
    return syntax(source, 'it ends too early: something is missing at the end');
  }
  if (/^Parenthesis \) expected/.test(message)) return unbalanced(source, 'a `)` is missing');
  if (/^(?:Parenthesis \]|End of matrix \]) expected/.test(message))
    return unbalanced(source, 'a `]` is missing');
  if (/^End of string/.test(message) || /^Bad escape|^Invalid unicode/.test(message)) {
    return notAllowed('Text in quotes cannot be part of an answer', near ?? '"');
  }
  if (/^Value expected/.test(message)) return syntax(source, `a value is missing${where}`, near);
  if ((match = /^Unexpected operator (\S+)/.exec(message)) !== null) {
    const operator = match[1] ?? '';
    const detail =
      operator === ','
        ? 'a `,` can only separate the arguments of a function, like `max(0, s)`'
        : `\`${operator}\` is out of place${where}`;
    return syntax(source, detail, near);
  }
  if ((match = /^(?:Unexpected part|Syntax error in part) "(.*)"/.exec(message)) !== null) {
    const part = match[1] ?? '';
    return syntax(source, `I don't know how to read ${quote(part)} there (is an operator missing?)`, part);
  }
  if (/^Digit expected|is not a valid number/.test(message)) {
    return syntax(source, `a number is written wrongly${where}`, near);
  }
  if (/conditional/.test(message)) return syntax(source, '`?` and `:` cannot be part of an answer', '?');
  if (/assign/.test(message)) {
    return syntax(
      source,
      'an `=` stands where I cannot read it: write only the expression (after one `=`)',
      '=',
    );
  }
  if (/^Property name expected after dot/.test(message))
    return syntax(source, `a \`.\` is out of place${where}`, near);
  if (/^Column dimensions mismatch/.test(message)) {
    return notAllowed('A list or matrix (`[1, 2]`) cannot be part of an answer', '[');
  }
  return syntax(source, `I could not make sense of it${where}`, near);
}
