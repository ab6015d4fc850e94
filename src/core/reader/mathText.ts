import { barsToCalls } from './bars.ts';
import { latexToMath } from './latex.ts';
import { defuseLexerQuirks } from './lexerQuirks.ts';
import { ReadFailure } from './readErrors.ts';
import { wrapSums } from './sums.ts';
import { markTranspose } from './transpose.ts';
import type { ReadError } from './types.ts';
import { unicodeToLatex } from './unicode.ts';

/**
 * The text a student typed (wrappers and left-hand side already gone), spelled out for mathjs's
 * parser: Unicode → LaTeX → mathjs text, with transposes, bars and sums made explicit, and the
 * lexer's surprises (`**`, `0x`) defused.
 */
export function toMathText(text: string, source: string): string | ReadError {
  try {
    const latex = markTranspose(unicodeToLatex(text));
    return defuseLexerQuirks(wrapSums(barsToCalls(latexToMath(latex, source), source), source));
  } catch (failure) {
    if (failure instanceof ReadFailure) return failure.error;
    throw failure;
  }
}
