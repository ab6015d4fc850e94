import type { Block, Inline } from './parseMarkdown.ts';
import type { RenderError, RenderResult } from './renderError.ts';
import type { MathBox, TexConverter } from './texConverter.ts';
import type { TextFont, TextStyle } from './textFont.ts';
import { textRun } from './textRun.ts';

/** A laid-out page in thousandths of an em, drawn in `currentColor` on no background. */
export interface PageLayout {
  readonly body: string;
  readonly width: number;
  readonly height: number;
}

export interface PageGeometry {
  /** Page width in em; the height follows the content. */
  readonly widthEm: number;
  readonly marginXEm: number;
  readonly marginYEm: number;
}

// Vertical rhythm, in thousandths of an em: a text line is STRUT_ASCENT + STRUT_DEPTH tall unless
// inline math needs more.
const STRUT_ASCENT = 1000;
const STRUT_DEPTH = 420;
const PARAGRAPH_GAP = 420;
const DISPLAY_GAP = 350;
const HEADING_GAP_BEFORE = 700;
const HEADING_GAP_AFTER = 250;
const ITEM_GAP = 120;
const LIST_INDENT = 1500;
const MARKER_GAP = 450;
const QUOTE_INDENT = 1100;
const CODE_PADDING = 300;
const HEADING_SCALE: Record<number, number> = { 1: 1.35, 2: 1.18, 3: 1.08 };
/** Display math narrower than this share of its natural size would be hard to read: it breaks lines instead. */
const MIN_DISPLAY_SCALE = 0.72;

interface Box {
  /** Set on prose, which may be split between characters; math may only be shrunk. */
  readonly prose?: { readonly text: string; readonly style: TextStyle };
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  /** SVG elements; for prose only the characters the font lacks. */
  draw(x: number, baseline: number): string;
  /** Prose glyph outlines as path data, so a whole line of prose is one `<path>`. */
  outline?(x: number, baseline: number): string;
}

/** A box on its own: its outline path (if any) and its elements. */
function paint(box: Box, x: number, baseline: number): string {
  const outline = box.outline?.(x, baseline);
  return (outline ? `<path d="${outline}"/>` : '') + box.draw(x, baseline);
}

/** Pieces set without a space between them (e.g. `$x_j$.`): a line never breaks inside a word. */
interface Word {
  readonly boxes: Box[];
  width: number;
  spaceBefore: boolean;
  breakBefore: boolean;
}

interface Line {
  readonly items: { x: number; box: Box }[];
  ascent: number;
  depth: number;
}

/** Aborts a layout on bad TeX; caught in `layoutPage` and returned as a value. */
class LayoutFailure {
  constructor(readonly error: RenderError) {}
}

const r = (n: number) => Math.round(n);

function scaled(box: Box, s: number): Box {
  if (s === 1) return box;
  return {
    width: box.width * s,
    height: box.height * s,
    depth: box.depth * s,
    draw: (x, baseline) =>
      `<g transform="translate(${r(x)},${r(baseline)}) scale(${+s.toFixed(4)})">${paint(box, 0, 0)}</g>`,
  };
}

/**
 * Lays a parsed card section out as a page: prose in New Computer Modern glyphs wrapped at the page
 * width, inline math on the baseline, display math centred (shrunk, or broken into lines by MathJax,
 * when too wide), lists, quotes and code blocks.
 */
export function layoutPage(
  blocks: readonly Block[],
  converter: Pick<TexConverter, 'convert' | 'convertBroken'>,
  font: TextFont,
  geometry: PageGeometry,
): RenderResult<PageLayout> {
  const parts: string[] = [];

  const math = (tex: string, display: boolean): MathBox => {
    const result = converter.convert(tex, display);
    if (!result.ok) throw new LayoutFailure(result.error);
    return result.value;
  };
  const mathBox = (m: MathBox): Box => ({
    width: m.width,
    height: m.height,
    depth: m.depth,
    draw: (x, baseline) => `<g transform="translate(${r(x)},${r(baseline)})">${m.svg}</g>`,
  });

  function textBox(text: string, style: TextStyle): Box {
    const run = textRun(font, text, style);
    return {
      prose: { text, style },
      width: run.width,
      height: 0,
      depth: 0,
      outline: run.outline,
      draw: run.fallback,
    };
  }

  function toWords(inlines: readonly Inline[], bold: boolean): Word[] {
    const words: Word[] = [];
    let current: Word | undefined;
    let spaceBefore = false;
    let breakBefore = false;
    const add = (box: Box) => {
      if (!current) {
        current = { boxes: [], width: 0, spaceBefore, breakBefore };
        words.push(current);
        spaceBefore = breakBefore = false;
      }
      current.boxes.push(box);
      current.width += box.width;
    };
    for (const inline of inlines) {
      if (inline.kind === 'break') {
        current = undefined;
        breakBefore = true;
        spaceBefore = false;
      } else if (inline.kind === 'math') {
        add(mathBox(math(inline.tex, false)));
      } else {
        const style = bold
          ? inline.style === 'italic'
            ? 'bold-italic'
            : inline.style === 'normal'
              ? 'bold'
              : inline.style
          : inline.style;
        // Not `\s`: a no-break space must not break.
        for (const piece of inline.text.split(/([ \t\n]+)/)) {
          if (piece === '') continue;
          if (/^[ \t\n]+$/.test(piece)) {
            current = undefined;
            spaceBefore = words.length > 0 && !breakBefore;
          } else {
            add(textBox(piece, style));
          }
        }
      }
    }
    return words;
  }

  /** Splits a word wider than the line: prose between characters, anything with math by shrinking. */
  function fitWord(word: Word, width: number): Word[] {
    if (word.width <= width) return [word];
    if (word.boxes.every((b) => b.prose)) {
      const pieces: Word[] = [];
      let chunk = '';
      let chunkWidth = 0;
      const flush = (style: TextStyle) => {
        if (chunk === '') return;
        const box = textBox(chunk, style);
        pieces.push({
          boxes: [box],
          width: box.width,
          spaceBefore: pieces.length === 0 && word.spaceBefore,
          breakBefore: pieces.length === 0 && word.breakBefore,
        });
        chunk = '';
        chunkWidth = 0;
      };
      for (const box of word.boxes) {
        const { text, style } = box.prose ?? { text: '', style: 'normal' };
        for (const char of text) {
          const w = font.glyph(style, char).width;
          if (chunkWidth + w > width) flush(style);
          chunk += char;
          chunkWidth += w;
        }
        flush(style);
      }
      return pieces;
    }
    const box = scaled(
      {
        width: word.width,
        height: Math.max(...word.boxes.map((b) => b.height)),
        depth: Math.max(...word.boxes.map((b) => b.depth)),
        draw: (x, baseline) => {
          let out = '';
          for (const b of word.boxes) {
            out += paint(b, x, baseline);
            x += b.width;
          }
          return out;
        },
      },
      width / word.width,
    );
    return [{ ...word, boxes: [box], width }];
  }

  function breakLines(words: readonly Word[], width: number, space: number): Line[] {
    const lines: Line[] = [];
    let line: Line | undefined;
    let x = 0;
    for (const word of words.flatMap((w) => fitWord(w, width))) {
      const gap = word.spaceBefore ? space : 0;
      if (!line || word.breakBefore || (x + gap + word.width > width && line.items.length > 0)) {
        line = { items: [], ascent: STRUT_ASCENT, depth: STRUT_DEPTH };
        lines.push(line);
        x = 0;
      } else {
        x += gap;
      }
      for (const box of word.boxes) {
        line.items.push({ x, box });
        line.ascent = Math.max(line.ascent, box.height + 150);
        line.depth = Math.max(line.depth, box.depth + 150);
        x += box.width;
      }
    }
    return lines;
  }

  /** Sets lines of prose from `y` down; returns the new `y` and the first baseline. */
  function layoutInlines(
    inlines: readonly Inline[],
    x0: number,
    width: number,
    y: number,
    opts: { scale: number; bold: boolean; cls?: string },
  ): { y: number; firstBaseline: number } {
    const s = opts.scale;
    const lines = breakLines(toWords(inlines, opts.bold), width / s, 332);
    let firstBaseline = y + STRUT_ASCENT * s;
    const out: string[] = [];
    lines.forEach((line, index) => {
      const baseline = y + line.ascent * s;
      if (index === 0) firstBaseline = baseline;
      let outlines = '';
      for (const { x, box } of line.items) {
        if (box.outline) outlines += box.outline(x, 0);
        out.push(box.draw(x, 0));
      }
      const content = (outlines ? `<path d="${outlines}"/>` : '') + out.join('');
      out.length = 0;
      const transform =
        s === 1 ? `translate(${r(x0)},${r(baseline)})` : `translate(${r(x0)},${r(baseline)}) scale(${s})`;
      parts.push(`<g transform="${transform}"${opts.cls ? ` class="${opts.cls}"` : ''}>${content}</g>`);
      y = baseline + line.depth * s;
    });
    return { y, firstBaseline };
  }

  function layoutDisplay(
    tex: string,
    x0: number,
    width: number,
    y: number,
  ): { y: number; firstBaseline: number } {
    let m = math(tex, true);
    let s = Math.min(1, width / m.width);
    if (s < MIN_DISPLAY_SCALE) {
      const broken = converter.convertBroken(tex, width / MIN_DISPLAY_SCALE);
      if (!broken.ok) throw new LayoutFailure(broken.error);
      m = broken.value;
      s = Math.min(1, width / m.width);
    }
    const box = scaled(mathBox(m), s);
    const baseline = y + box.height;
    parts.push(box.draw(x0 + (width - box.width) / 2, baseline));
    return { y: baseline + box.depth, firstBaseline: baseline };
  }

  function gapBetween(a: Block, b: Block): number {
    if (b.kind === 'heading') return HEADING_GAP_BEFORE;
    if (a.kind === 'heading') return HEADING_GAP_AFTER;
    if (a.kind === 'display' || b.kind === 'display') return DISPLAY_GAP;
    return PARAGRAPH_GAP;
  }

  function layoutBlocks(
    list: readonly Block[],
    x0: number,
    width: number,
    y: number,
  ): { y: number; firstBaseline: number } {
    let firstBaseline: number | undefined;
    let previous: Block | undefined;
    for (const block of list) {
      if (previous) y += gapBetween(previous, block);
      previous = block;
      const placed = layoutBlock(block, x0, width, y);
      firstBaseline ??= placed.firstBaseline;
      y = placed.y;
    }
    return { y, firstBaseline: firstBaseline ?? y + STRUT_ASCENT };
  }

  function layoutBlock(
    block: Block,
    x0: number,
    width: number,
    y: number,
  ): { y: number; firstBaseline: number } {
    switch (block.kind) {
      case 'paragraph':
        return layoutInlines(block.inlines, x0, width, y, { scale: 1, bold: false });
      case 'heading':
        return layoutInlines(block.inlines, x0, width, y, {
          scale: HEADING_SCALE[block.level] ?? 1,
          bold: true,
          cls: 'head',
        });
      case 'display':
        return layoutDisplay(block.tex, x0, width, y);
      case 'list': {
        let firstBaseline: number | undefined;
        block.items.forEach((item, index) => {
          if (index > 0) y += ITEM_GAP;
          const placed = layoutBlocks(item.blocks, x0 + LIST_INDENT, width - LIST_INDENT, y);
          const marker = textBox(item.marker, 'normal');
          parts.push(paint(marker, x0 + LIST_INDENT - MARKER_GAP - marker.width, placed.firstBaseline));
          firstBaseline ??= placed.firstBaseline;
          y = item.blocks.length > 0 ? placed.y : y + STRUT_ASCENT + STRUT_DEPTH;
        });
        return { y, firstBaseline: firstBaseline ?? y };
      }
      case 'quote': {
        const top = y;
        const placed = layoutBlocks(block.blocks, x0 + QUOTE_INDENT, width - QUOTE_INDENT, y);
        parts.push(
          `<rect class="muted" x="${r(x0 + 150)}" y="${r(top)}" width="200" height="${r(placed.y - top)}"/>`,
        );
        return placed;
      }
      case 'code': {
        const top = y;
        const rect = parts.push('') - 1;
        const inlines = block.text
          .split('\n')
          .flatMap((text, i): Inline[] => [
            ...(i > 0 ? [{ kind: 'break' } as const] : []),
            { kind: 'text', text: text.replace(/ /g, '\u00a0'), style: 'monospace' },
          ]);
        const placed = layoutInlines(inlines, x0 + CODE_PADDING, width - 2 * CODE_PADDING, y + CODE_PADDING, {
          scale: 0.9,
          bold: false,
        });
        parts[rect] =
          `<rect class="code" x="${r(x0)}" y="${r(top)}" width="${r(width)}" height="${r(placed.y + CODE_PADDING - top)}" rx="150"/>`;
        return { y: placed.y + CODE_PADDING, firstBaseline: placed.firstBaseline };
      }
      case 'rule':
        parts.push(`<rect class="muted" x="${r(x0)}" y="${r(y + 300)}" width="${r(width)}" height="60"/>`);
        return { y: y + 600, firstBaseline: y + 300 };
    }
  }

  const width = geometry.widthEm * 1000;
  const marginX = geometry.marginXEm * 1000;
  const marginY = geometry.marginYEm * 1000;
  try {
    const { y } = layoutBlocks(blocks, marginX, width - 2 * marginX, marginY);
    return { ok: true, value: { body: parts.join(''), width, height: y + marginY } };
  } catch (failure) {
    if (failure instanceof LayoutFailure) return { ok: false, error: failure.error };
    throw failure;
  }
}
