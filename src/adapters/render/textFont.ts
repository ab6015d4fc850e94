import type { MathJaxNewcmFont } from '@mathjax/mathjax-newcm-font/js/svg.js';

export type TextStyle = 'normal' | 'bold' | 'italic' | 'bold-italic' | 'monospace';

/** One glyph of the prose font, in thousandths of an em. */
interface Glyph {
  readonly width: number;
  /**
   * SVG path data drawing the glyph with its origin at (x, baseline), y pointing down; absent for a
   * character the font lacks (drawn by the system font instead), empty for a space.
   */
  outline?(x: number, baseline: number): string;
}

export interface TextFont {
  glyph(style: TextStyle, char: string): Glyph;
}

type CharOptions = { p?: string; smp?: number };
type CharData = [number?, number?, number?, CharOptions?];

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Rewrites a font path (absolute `M`/`L`/`C` commands, y up) as relative commands with y down, so a
 * glyph is placed by its first move alone: all glyphs of a line then go into one `<path>`. librsvg
 * spends ~45 µs per element, which made a page of `<use>`d glyphs 7× slower to rasterise.
 */
function relativeOutline(path: string): { x: number; y: number; tail: string } {
  const tokens = path.match(/[MLC]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  let command = 'M';
  let start: { x: number; y: number } | undefined;
  let tail = '';
  // The point the emitted (rounded) path has reached, so rounding never accumulates.
  let cx = 0;
  let cy = 0;
  let pending: number[] = [];
  for (const token of tokens) {
    if (/[MLC]/.test(token)) {
      command = token;
      continue;
    }
    pending.push(Number(token));
    const need = command === 'C' ? 6 : 2;
    if (pending.length < need) continue;
    const points = pending;
    pending = [];
    if (!start) {
      start = { x: round(points[0] ?? 0), y: round(-(points[1] ?? 0)) };
      cx = start.x;
      cy = start.y;
      command = command === 'M' ? 'L' : command;
      continue;
    }
    const rel: number[] = [];
    for (let i = 0; i < points.length; i += 2) {
      rel.push(round((points[i] ?? 0) - cx), round(-(points[i + 1] ?? 0) - cy));
    }
    tail += command.toLowerCase() + rel.join(' ').replace(/ -/g, '-');
    cx = round(cx + (rel[rel.length - 2] ?? 0));
    cy = round(cy + (rel[rel.length - 1] ?? 0));
    if (command === 'M') command = 'L';
  }
  return { ...(start ?? { x: 0, y: 0 }), tail: tail + 'z' };
}

/**
 * Prose is set in the same New Computer Modern glyphs MathJax uses for `\text{…}`, read straight
 * from the font data: the same face as the math, and far faster than typesetting each word.
 */
export function createTextFont(font: MathJaxNewcmFont): TextFont {
  const getChar = (variant: string, code: number) =>
    (font as unknown as { getChar(v: string, n: number): CharData | undefined }).getChar(variant, code);
  const glyphs = new Map<string, Glyph>();

  function lookUp(style: TextStyle, code: number): Glyph {
    let data = getChar(style, code);
    // Bold, italic and monospace Latin letters point at the Mathematical Alphanumeric block.
    const smp = data?.[3]?.smp;
    if (smp !== undefined) data = getChar(style, smp) ?? getChar('normal', smp);
    if (!data && style !== 'normal') data = getChar('normal', code);
    const width = data?.[2];
    // East Asian scripts and emoji are about an em wide; other unknown characters about half.
    if (width === undefined) return { width: code >= 0x2e80 ? 1000 : 600 };
    const path = data?.[3]?.p;
    if (!path) return { width: width * 1000, outline: () => '' };
    const { x, y, tail } = relativeOutline(path);
    return {
      width: width * 1000,
      outline: (dx, baseline) => `M${round(x + dx)} ${round(y + baseline)}${tail}`,
    };
  }

  return {
    glyph(style, char) {
      const key = style + char;
      let glyph = glyphs.get(key);
      if (!glyph) {
        glyph = lookUp(style, char.codePointAt(0) ?? 0x3f);
        glyphs.set(key, glyph);
      }
      return glyph;
    },
  };
}
