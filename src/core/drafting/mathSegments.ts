/** A piece of maths in a card's Markdown: `$$…$$` or `\[…\]` (display), `$…$` or `\(…\)` (inline). */
export interface MathSegment {
  readonly tex: string;
}

const SEGMENT = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|(?<![\\$])\$([^$]+?)\$/g;

/** The maths of a Markdown text, in reading order. Code spans are not maths. */
export function mathSegments(markdown: string): MathSegment[] {
  const text = markdown.replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
  return [...text.matchAll(SEGMENT)].map((m) => ({ tex: (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim() }));
}

/** The words of a Markdown text with its maths blanked out, for phrases such as "with respect to". */
export function wordsOf(markdown: string): string {
  return markdown.replace(SEGMENT, ' ');
}
