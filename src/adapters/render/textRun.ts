import type { TextFont, TextStyle } from './textFont.ts';

/** A run of prose on one line, in thousandths of an em. */
export interface TextRun {
  readonly width: number;
  /** The glyph outlines as path data, so a whole line of prose can be one `<path>`. */
  outline(x: number, baseline: number): string;
  /** `<text>` elements for the characters the font lacks (empty when it has them all). */
  fallback(x: number, baseline: number): string;
}

const r = (n: number) => Math.round(n);

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}

/** Sets `text` in the prose font, glyph by glyph. */
export function textRun(font: TextFont, text: string, style: TextStyle): TextRun {
  const glyphs: { x: number; outline?: (x: number, baseline: number) => string; char: string }[] = [];
  let width = 0;
  for (const char of text) {
    const glyph = font.glyph(style, char);
    glyphs.push({ x: width, outline: glyph.outline, char });
    width += glyph.width;
  }
  return {
    width,
    outline: (x, baseline) => glyphs.map((g) => (g.outline ? g.outline(x + g.x, baseline) : '')).join(''),
    // Characters the font lacks fall back to the system font, about the size of the prose.
    fallback: (x, baseline) =>
      glyphs
        .filter((g) => !g.outline)
        .map(
          (g) =>
            `<text x="${r(x + g.x)}" y="${r(baseline)}" font-size="900" font-family="DejaVu Sans, sans-serif">${escapeXml(g.char)}</text>`,
        )
        .join(''),
  };
}
