import { CONSTANT_NAMES, FUNCTION_NAMES, type Vocabulary } from '../expr/ast.ts';
import { GREEK_SYMBOLS } from './greek.ts';
import type { ReadError } from './types.ts';

/**
 * Every message the reader gives, in one place. Messages quote what the student typed and never
 * mathjs's own wording.
 */

/** An expected failure deep inside a step, carried to the step's boundary and returned there. */
export class ReadFailure {
  constructor(readonly error: ReadError) {}
}

const QUOTE_LIMIT = 80;

/** `text` in backticks, shortened when long (backticks inside would break Discord's code span). */
export function quote(text: string): string {
  const flat = text.replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  return '`' + (flat.length > QUOTE_LIMIT ? flat.slice(0, QUOTE_LIMIT - 1) + '…' : flat) + '`';
}

function error(code: ReadError['code'], message: string, near?: string): ReadError {
  return near === undefined ? { code, message } : { code, message, near };
}

export const empty = (): ReadError => error('empty', 'There is no expression to read: type your answer.');

export const nothingAfterEquals = (): ReadError =>
  error('empty', 'There is nothing after the `=`: write your expression after it.');

export const equation = (source: string): ReadError =>
  error(
    'syntax',
    `I could not read ${quote(source)} as an answer: it is an equation. Type only the gradient, like \`(y - yhat) * x\` (a left-hand side such as \`dl/dw =\` is fine).`,
    '=',
  );

export const tooLong = (length: number, limit: number): ReadError =>
  error('too_long', `This answer is too long (${length} characters; the limit is ${limit}).`);

export const tooDeep = (what: string, limit: number): ReadError =>
  error('too_deep', `This answer is nested too deeply (${what}; the limit is ${limit}).`);

export const tooManyNodes = (limit: number): ReadError =>
  error(
    'too_many_nodes',
    `This answer has too many parts (more than ${limit} numbers, names and operations).`,
  );

export const unbalanced = (source: string, detail: string): ReadError =>
  error('unbalanced', `I could not read ${quote(source)}: ${detail}.`);

export const syntax = (source: string, detail: string, near?: string): ReadError =>
  error('syntax', `I could not read ${quote(source)}: ${detail}.`, near);

export const badIndex = (detail: string, near: string): ReadError => error('bad_index', `${detail}.`, near);

export const notAllowed = (detail: string, near: string): ReadError =>
  error('not_allowed', `${detail}.`, near);

export function unknownName(name: string, vocab: Vocabulary, detail?: string): ReadError {
  const lead = detail ?? `I don't know the name ${quote(name)}`;
  return error('unknown_name', `${lead}. ${vocabularyHelp(vocab)}`, name);
}

export const unknownFunction = (name: string): ReadError =>
  error(
    'unknown_function',
    `${quote(name)} is not a function you can use here. The functions are: ${FUNCTION_NAMES.join(', ')}.`,
    name,
  );

/** "You can use: …", listing the card's names (with the symbol students see), functions and constants. */
function vocabularyHelp(vocab: Vocabulary): string {
  const names = [...vocab.names.keys()].map(displayName).join(', ');
  return `You can use: ${names}; the functions ${FUNCTION_NAMES.join(', ')}; the constants ${CONSTANT_NAMES.join(', ')}.`;
}

export function unknownCommand(name: string): ReadError {
  const hint =
    name === 'partial' || name === 'nabla'
      ? ': write only the gradient itself (a left-hand side such as `\\frac{\\partial \\ell}{\\partial w} =` is fine)'
      : name.length === 1 && '()[]'.includes(name)
        ? ': it marks math in LaTeX, so put the whole answer inside `\\(…\\)`, or use plain brackets'
        : '';
  return error('unknown_name', `I don't know the LaTeX command \`\\${name}\`${hint}.`, `\\${name}`);
}

/** A name as listed in messages, with the symbol students may type: `yhat (ŷ)`, `lambda (λ)`. */
export function displayName(name: string): string {
  const hat = /^([A-Za-z])hat$/.exec(name)?.[1];
  const symbol = hat === undefined ? GREEK_SYMBOLS.get(name) : `${hat}\u0302`.normalize('NFC');
  return symbol === undefined ? name : `${name} (${symbol})`;
}
