import { mathSegments } from './mathSegments.ts';
import { isChar, isCmd, splitTopLevel, texOf, tokenizeTex, type TexToken } from './texTokens.ts';

/**
 * One statement of a card's maths: `s = \mathbf{w}^\top \mathbf{x}`, `\nabla \ell(w) = (y - \hat{y}) x`.
 * A display often holds several, separated by `,` or `\qquad` (`\hat{y} = e^{s}, \qquad s = …`).
 */
export interface Statement {
  readonly tex: string;
  /** The sides of its chain of `=`, left to right (one side when it has no `=`). */
  readonly sides: readonly string[];
}

/** Words in a display (`\text{and}`, `\text{ for all } j`) separate statements as a `\qquad` does. */
const WORDS = /\\(?:text|mbox|textrm|textit)\s*\{\s*[A-Za-z][A-Za-z ,.;:]*\}/g;

const isStatementBreak = (t: TexToken) => isChar(t, ',;') || isCmd(t, 'qquad', 'quad', 'text');
const isEquals = (t: TexToken) => isChar(t, '=') || isCmd(t, 'coloneqq', 'equiv', 'approx');

/** A sentence's end or a LaTeX space at the end of a formula is not part of it. */
function trim(tex: string): string {
  return tex
    .replace(/(?:\s|[.,;:]|\\[,;:! ]|\\q?quad)+$/, '')
    .replace(/^(?:\s|\\[,;:! ]|:)+/, '')
    .trim();
}

export function statementsOf(markdown: string): Statement[] {
  const statements: Statement[] = [];
  for (const segment of mathSegments(markdown)) {
    const tokens = tokenizeTex(segment.tex.replace(WORDS, ' \\qquad '));
    for (const piece of splitTopLevel(tokens, isStatementBreak)) {
      const tex = trim(texOf(piece));
      if (tex === '') continue;
      const sides = splitTopLevel(tokenizeTex(tex), isEquals).map((side) => trim(texOf(side)));
      statements.push({ tex, sides });
    }
  }
  return statements;
}
