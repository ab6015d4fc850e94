/**
 * Discord and LaTeX wrappers around an answer: code blocks (with an optional language tag), inline
 * code, spoilers, `$…$`, `$$…$$`, `\(…\)`, `\[…\]`, and the punctuation that ends a sentence.
 */

const WRAPPERS: readonly RegExp[] = [
  /^```(?:[A-Za-z0-9_+#-]*[ \t]*\n|(?:latex|tex|math|text|txt|plaintext|python|py)[ \t]+)?([\s\S]*?)```$/,
  /^``([\s\S]*)``$/,
  /^`([\s\S]*)`$/,
  /^\|\|([\s\S]*)\|\|$/,
  /^\$\$([\s\S]*)\$\$$/,
  /^\$([\s\S]*)\$$/,
  /^\\\(([\s\S]*)\\\)$/,
  /^\\\[([\s\S]*)\\\]$/,
];

/** A sentence's final `.`, `,` or `;`, or LaTeX spacing, at the end of a formula. */
const TRAILING = /(?:\s|[.,;]|\\[,;:! ]|\\q?quad)$/;

/** What students add after a componentwise answer: `for all j`, `∀j`, `, j = 1, …, n`, `(j = 1..n)`. */
const QUALIFIER =
  /(?:,?\s*(?:for\s+(?:all|every|each|any)\s+[ijk]\b|for\s+[ijk]\s*=|\\forall\s*[ijk]\b|∀\s*[ijk]\b)|,\s*[ijk]\s*=\s*1\b|\(\s*[ijk]\s*=\s*1\b[^()]*\))[^=]*$/i;

/** Removes wrappers, one layer after another, until none is left. */
export function stripWrappers(text: string): string {
  let current = text.trim().replace(QUALIFIER, '').trim();
  for (;;) {
    const unwrapped = unwrapOnce(current);
    if (unwrapped === current) return current;
    current = unwrapped;
  }
}

function unwrapOnce(text: string): string {
  for (const pattern of WRAPPERS) {
    const match = pattern.exec(text);
    if (match?.[1] !== undefined) return match[1].trim();
  }
  return dropTrailing(text);
}

// One piece at a time: a single regex over a long run of dots would backtrack quadratically.
function dropTrailing(text: string): string {
  let current = text;
  for (let match = TRAILING.exec(current); match !== null; match = TRAILING.exec(current)) {
    current = current.slice(0, match.index);
  }
  return current;
}

/** Removes what is left of math delimiters and code marks inside the text (`dl/dw = $…$`). */
export function dropStrayMarks(text: string): string {
  return text.replace(/[$`]/g, ' ').trim();
}
