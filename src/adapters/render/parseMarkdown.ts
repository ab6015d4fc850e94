import type { TextStyle } from './textFont.ts';

/** A run inside a paragraph: prose in one style, inline math, or a line break. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string; readonly style: TextStyle }
  | { readonly kind: 'math'; readonly tex: string }
  | { readonly kind: 'break' };

interface ListItem {
  readonly marker: string;
  readonly blocks: readonly Block[];
}

/** The Markdown a card uses, as blocks; anything else is kept as plain text. */
export type Block =
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'heading'; readonly level: number; readonly inlines: readonly Inline[] }
  | { readonly kind: 'display'; readonly tex: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly ListItem[] }
  | { readonly kind: 'quote'; readonly blocks: readonly Block[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'rule' };

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+|$)/;
const FENCE = /^\s*(```|~~~)/;
const QUOTE = /^\s*>/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;

/**
 * Parses a card section (the text under `# Question` or `# Solution`). A single newline is a line
 * break, as in Obsidian where the cards are written; `$$…$$` may span lines and blank lines.
 */
export function parseMarkdown(markdown: string): Block[] {
  return parseLines(markdown.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n'));
}

function parseLines(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
    } else if (FENCE.test(line)) {
      const fence = line.trim().slice(0, 3);
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').trim().startsWith(fence); i++)
        code.push(lines[i] ?? '');
      blocks.push({ kind: 'code', text: code.join('\n') });
      i++;
    } else if (HEADING.test(line)) {
      const [, hashes = '#', text = ''] = HEADING.exec(line) ?? [];
      const inlines = parseInlines(text).map((i): Inline =>
        i.kind === 'display' ? { kind: 'math', tex: i.tex } : i,
      );
      blocks.push({ kind: 'heading', level: hashes.length, inlines });
      i++;
    } else if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      i++;
    } else if (QUOTE.test(line)) {
      const quoted: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i] ?? ''); i++)
        quoted.push((lines[i] ?? '').replace(/^\s*> ?/, ''));
      blocks.push({ kind: 'quote', blocks: parseLines(quoted) });
    } else if (LIST_ITEM.test(line)) {
      i = parseList(lines, i, blocks);
    } else {
      i = parseParagraph(lines, i, blocks);
    }
  }
  return blocks;
}

function startsBlock(line: string): boolean {
  return (
    FENCE.test(line) || HEADING.test(line) || QUOTE.test(line) || LIST_ITEM.test(line) || RULE.test(line)
  );
}

/** An odd number of `$$` means a display formula is still open. */
function displayOpen(text: string): boolean {
  return (text.match(/(?<!\\)\$\$/g)?.length ?? 0) % 2 === 1;
}

function parseParagraph(lines: readonly string[], start: number, blocks: Block[]): number {
  let i = start;
  let text = lines[i++] ?? '';
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!displayOpen(text) && (line.trim() === '' || startsBlock(line))) break;
    text += '\n' + line;
    i++;
  }
  blocks.push(...splitDisplays(parseInlines(text.trim())));
  return i;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

function parseList(lines: readonly string[], start: number, blocks: Block[]): number {
  const first = LIST_ITEM.exec(lines[start] ?? '');
  const baseIndent = first?.[1]?.length ?? 0;
  const ordered = /\d/.test(first?.[2] ?? '');
  let number = ordered ? parseInt(first?.[2] ?? '1', 10) : 0;
  const items: { marker: string; lines: string[] }[] = [];
  let contentIndent = 0;
  let i = start;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const item = LIST_ITEM.exec(line);
    const current = items[items.length - 1];
    if (item && (item[1]?.length ?? 0) === baseIndent && /\d/.test(item[2] ?? '') === ordered) {
      contentIndent = item[0].length;
      items.push({ marker: ordered ? `${number++}.` : '•', lines: [line.slice(item[0].length)] });
    } else if (line.trim() === '') {
      // A blank line ends the list unless the next line belongs to it (a loose list or an indented block).
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (
        next === undefined ||
        indentOf(next) < baseIndent ||
        (indentOf(next) === baseIndent && !LIST_ITEM.test(next))
      ) {
        break;
      }
      current?.lines.push('');
    } else if (current && indentOf(line) > baseIndent) {
      current.lines.push(line.slice(Math.min(contentIndent, indentOf(line))));
    } else if (current && !startsBlock(line)) {
      current.lines.push(line.trimStart()); // a lazy continuation line
    } else {
      break;
    }
    i++;
  }
  blocks.push({
    kind: 'list',
    ordered,
    items: items.map((it) => ({ marker: it.marker, blocks: parseLines(it.lines) })),
  });
  return i;
}

/** Display formulas inside a paragraph become blocks of their own. */
function splitDisplays(inlines: readonly (Inline | { kind: 'display'; tex: string })[]): Block[] {
  const blocks: Block[] = [];
  let run: Inline[] = [];
  const flush = () => {
    while (run[0]?.kind === 'break') run.shift();
    while (run[run.length - 1]?.kind === 'break') run.pop();
    if (run.some((r) => r.kind === 'math' || (r.kind === 'text' && r.text.trim() !== ''))) {
      blocks.push({ kind: 'paragraph', inlines: run });
    }
    run = [];
  };
  for (const inline of inlines) {
    if (inline.kind === 'display') {
      flush();
      blocks.push(inline);
    } else {
      run.push(inline);
    }
  }
  flush();
  return blocks;
}

/** Finds `closer` from `from` on, skipping backslash-escaped characters. */
function findCloser(text: string, closer: string, from: number): number {
  for (let i = from; i <= text.length - closer.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(closer, i)) return i;
  }
  return -1;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Reads inline Markdown: `$…$`, `$$…$$`, `**bold**`, `*italic*`, `` `code` ``, `[[wiki|links]]`,
 * `[links](url)`, escapes and line breaks. An opener without a closer is plain text.
 */
function parseInlines(text: string): (Inline | { kind: 'display'; tex: string })[] {
  const out: (Inline | { kind: 'display'; tex: string })[] = [];
  let bold = false;
  let italic = false;
  const style = (): TextStyle =>
    bold && italic ? 'bold-italic' : bold ? 'bold' : italic ? 'italic' : 'normal';
  const pushText = (t: string, s: TextStyle = style()) => {
    const last = out[out.length - 1];
    if (last?.kind === 'text' && last.style === s)
      out[out.length - 1] = { kind: 'text', text: last.text + t, style: s };
    else if (t !== '') out.push({ kind: 'text', text: t, style: s });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    const rest = text.slice(i);
    if (c === '\\' && /^\\[\\`*_{}[\]()#+\-.!$|>~]/.test(rest)) {
      pushText(text[i + 1] ?? '');
      i += 2;
    } else if (c === '\n') {
      out.push({ kind: 'break' });
      i++;
    } else if (rest.startsWith('$$')) {
      const end = findCloser(text, '$$', i + 2);
      if (end < 0) {
        pushText('$$');
        i += 2;
      } else {
        out.push({ kind: 'display', tex: text.slice(i + 2, end).trim() });
        i = end + 2;
      }
    } else if (c === '$') {
      const end = findCloser(text, '$', i + 1);
      const tex = end < 0 ? '' : text.slice(i + 1, end).trim();
      if (tex === '') {
        pushText('$');
        i++;
      } else {
        out.push({ kind: 'math', tex });
        i = end + 1;
      }
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) {
        pushText('`');
        i++;
      } else {
        pushText(text.slice(i + 1, end), 'monospace');
        i = end + 1;
      }
    } else if (rest.startsWith('![[') || rest.startsWith('[[')) {
      const open = rest.startsWith('!') ? 3 : 2;
      const end = text.indexOf(']]', i + open);
      const inner = end < 0 ? '' : text.slice(i + open, end);
      if (end < 0 || inner.includes('\n')) {
        pushText(text.slice(i, i + open));
        i += open;
      } else {
        const [target = '', alias] = inner.split('|');
        pushText(alias ?? target.replace(/#.*$/, ''));
        i = end + 2;
      }
    } else if (/^!?\[[^\]\n]*\]\([^)\n]*\)/.test(rest)) {
      const label = /^!?\[([^\]\n]*)\]/.exec(rest)?.[1] ?? '';
      pushText(label);
      i += /^!?\[[^\]\n]*\]\([^)\n]*\)/.exec(rest)?.[0].length ?? 1;
    } else if (rest.startsWith('**') || rest.startsWith('__')) {
      const marker = rest.slice(0, 2);
      if (bold || findCloser(text, marker, i + 2) > i + 2) {
        bold = !bold;
      } else {
        pushText(marker);
      }
      i += 2;
    } else if (
      (c === '*' || c === '_') &&
      (italic || (findCloser(text, c, i + 1) > i + 1 && !/\s/.test(text[i + 1] ?? ' '))) &&
      !(c === '_' && (isWordChar(text[i - 1]) || (italic && isWordChar(text[i + 1]))))
    ) {
      italic = !italic;
      i++;
    } else {
      pushText(c);
      i++;
    }
  }
  return out;
}
