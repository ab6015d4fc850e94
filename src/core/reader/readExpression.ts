import type { Vocabulary } from '../expr/ast.ts';
import { printExpr } from '../expr/print.ts';
import { dropLeftHandSide, namesTheAnswer } from './lefthandside.ts';
import { checkBrackets, checkLength, LIMITS, measure } from './limits.ts';
import { toMathText } from './mathText.ts';
import { empty, syntax, tooDeep, tooManyNodes } from './readErrors.ts';
import { parseMath } from './parse.ts';
import { toExpr } from './toExpr.ts';
import type { ReadError, ReadResult } from './types.ts';
import { dropStrayMarks, stripWrappers } from './wrappers.ts';

/**
 * Reads a student's answer (or a card's expression field) into an `Expr`: wrappers and a left-hand
 * side naming the answer are dropped (an equation is refused), Unicode and LaTeX spelled out, the text parsed by mathjs and its tree checked
 * against the whitelist and the limits. Never throws: every failure is a `ReadError`, data that
 * each adapter puts in words a student understands.
 */
export function readExpression(text: string, vocab: Vocabulary): ReadResult {
  try {
    return read(text, vocab);
  } catch {
    // A bug must not take the bot down with it; the student sees a plain "could not read".
    return failed(syntax(text, { kind: 'unreadable' }));
  }
}

function read(text: string, vocab: Vocabulary): ReadResult {
  const rawTooLong = checkLength(text, LIMITS.rawLength);
  if (rawTooLong !== undefined) return failed(rawTooLong);
  const { rest, hadLeftHandSide, left } = dropLeftHandSide(stripWrappers(text));
  if (hadLeftHandSide && !namesTheAnswer(left)) return failed(syntax(text.trim(), { kind: 'equation' }, '='));
  const source = dropStrayMarks(stripWrappers(rest));
  if (source === '') return failed(empty(hadLeftHandSide));
  const sourceProblem =
    checkLength(source, LIMITS.length) ?? checkBrackets(source, source, LIMITS.bracketDepth);
  if (sourceProblem !== undefined) return failed(sourceProblem);

  const mathText = toMathText(source, source);
  if (typeof mathText !== 'string') return failed(mathText);
  const mathProblem =
    checkLength(mathText, LIMITS.convertedLength) ??
    checkBrackets(mathText, source, LIMITS.convertedBracketDepth);
  if (mathProblem !== undefined) return failed(mathProblem);

  const node = parseMath(mathText, source);
  if ('code' in node) return failed(node);
  const converted = toExpr(node, vocab, source);
  if ('code' in converted) return failed(converted);
  const size = measure(converted.expr);
  if (size.nodes > LIMITS.nodes) return failed(tooManyNodes(LIMITS.nodes));
  if (size.depth > LIMITS.depth) return failed(tooDeep(size.depth, 'operations', LIMITS.depth));
  return { ok: true, expr: converted.expr, normalized: printExpr(converted.expr), names: converted.names };
}

const failed = (error: ReadError): ReadResult => ({ ok: false, error });
