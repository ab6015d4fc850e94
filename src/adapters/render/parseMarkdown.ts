import { Marked, type Token, type TokenizerAndRendererExtension, type Tokens } from 'marked';
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

type Run = Inline | { readonly kind: 'display'; readonly tex: string };

/** `$$…$$`, possibly over several lines and blank lines; `$…$` within a line or a paragraph. */
const DISPLAY = /^\$\$((?:\\[\s\S]|[^\\])*?)\$\$/;
const INLINE_MATH = /^\$((?:\\[\s\S]|[^\\$])+?)\$/;
const WIKI_LINK = /^!?\[\[([^\]\n]*)\]\]/;
const DISPLAY_START = /(?<!\\)\$\$/;

/** Where an extension's token may start in `src`: marked cuts text and paragraphs there to try it. */
const startAt =
  (pattern: RegExp) =>
  (src: string): number | undefined => {
    const at = src.search(pattern);
    return at < 0 ? undefined : at;
  };

/** A display formula starts a block of its own wherever it stands, even inside a paragraph. */
const displayBlock: TokenizerAndRendererExtension = {
  name: 'display',
  level: 'block',
  start: startAt(DISPLAY_START),
  tokenizer(src) {
    const match = / {0,3}/.exec(src)?.[0].length ?? 0;
    const found = DISPLAY.exec(src.slice(match));
    if (found === null || (found[1] ?? '').trim() === '') return undefined;
    return { type: 'display', raw: src.slice(0, match + found[0].length), tex: (found[1] ?? '').trim() };
  },
};

const displayInline: TokenizerAndRendererExtension = {
  name: 'displayInline',
  level: 'inline',
  start: startAt(DISPLAY_START),
  tokenizer(src) {
    const found = DISPLAY.exec(src);
    if (found === null || (found[1] ?? '').trim() === '') return undefined;
    return { type: 'display', raw: found[0], tex: (found[1] ?? '').trim() };
  },
};

const inlineMath: TokenizerAndRendererExtension = {
  name: 'math',
  level: 'inline',
  start: startAt(/(?<!\\)\$/),
  tokenizer(src) {
    const found = INLINE_MATH.exec(src);
    const tex = found?.[1]?.trim() ?? '';
    return found === null || tex === '' ? undefined : { type: 'math', raw: found[0], tex };
  },
};

/** Obsidian's `[[target|alias]]` and `![[embed]]`: the alias, or the target without its `#section`. */
const wikiLink: TokenizerAndRendererExtension = {
  name: 'wikiLink',
  level: 'inline',
  start: (src) => {
    const at = src.indexOf('[[');
    return at < 0 ? undefined : src[at - 1] === '!' ? at - 1 : at;
  },
  tokenizer(src) {
    const found = WIKI_LINK.exec(src);
    if (found === null) return undefined;
    const [target = '', alias] = (found[1] ?? '').split('|');
    return { type: 'text', raw: found[0], text: alias ?? target.replace(/#.*$/, '') };
  },
};

/** Math is not Markdown: a `*` or `_` inside `$…$` opens no emphasis. */
const emStrongMask = (src: string) =>
  src.replace(/\$\$(?:\\[\s\S]|[^\\])*?\$\$|\$(?:\\[\s\S]|[^\\$])+?\$/g, (math) => 'a'.repeat(math.length));

/** CommonMark without GitHub's additions (tables, strikethrough, bare URLs), which cards do not use. */
const markdown = new Marked({
  gfm: false,
  extensions: [displayBlock, displayInline, inlineMath, wikiLink],
  hooks: { emStrongMask },
});

/**
 * Parses a card section (the text under `# Question` or `# Solution`) with marked's lexer. A single
 * newline is a line break, as in Obsidian where the cards are written; `$$…$$` may span lines and
 * blank lines.
 */
export function parseMarkdown(source: string): Block[] {
  return blocksOf(markdown.lexer(source.replace(/\r\n?/g, '\n').replace(/\t/g, '    ')));
}

function blocksOf(tokens: readonly Token[]): Block[] {
  return tokens.flatMap((token): Block[] => {
    switch (token.type) {
      case 'heading':
        return [
          {
            kind: 'heading',
            level: (token as Tokens.Heading).depth,
            inlines: runsOf(token.tokens ?? []).map((r): Inline =>
              r.kind === 'display' ? { ...r, kind: 'math' } : r,
            ),
          },
        ];
      case 'paragraph':
      case 'text':
        return splitDisplays(trimEnds(token.tokens === undefined ? plain(token.raw) : runsOf(token.tokens)));
      case 'display':
        return [{ kind: 'display', tex: token['tex'] as string }];
      case 'list': {
        const list = token as Tokens.List;
        const first = typeof list.start === 'number' ? list.start : 1;
        return [
          {
            kind: 'list',
            ordered: list.ordered,
            items: list.items.map((item, i) => ({
              marker: list.ordered ? `${first + i}.` : '•',
              blocks: blocksOf(item.tokens),
            })),
          },
        ];
      }
      case 'blockquote':
        return [{ kind: 'quote', blocks: blocksOf((token as Tokens.Blockquote).tokens) }];
      case 'code':
        return [{ kind: 'code', text: (token as Tokens.Code).text }];
      case 'hr':
        return [{ kind: 'rule' }];
      case 'space':
        return [];
      default:
        return splitDisplays(plain(token.raw.trim()));
    }
  });
}

/** Text as it stands, a newline being a line break. */
function plain(text: string, style: TextStyle = 'normal'): Run[] {
  return text
    .split('\n')
    .flatMap((line, i): Run[] => [
      ...(i > 0 ? [{ kind: 'break' } as const] : []),
      ...(line === '' ? [] : [{ kind: 'text', text: line, style } as const]),
    ]);
}

const styleOf = (bold: boolean, italic: boolean): TextStyle =>
  bold && italic ? 'bold-italic' : bold ? 'bold' : italic ? 'italic' : 'normal';

/** Inline tokens as runs of one style each; neighbours of the same style are joined. */
function runsOf(tokens: readonly Token[], bold = false, italic = false): Run[] {
  const runs: Run[] = [];
  const push = (run: Run) => {
    const last = runs[runs.length - 1];
    if (run.kind === 'text' && last?.kind === 'text' && last.style === run.style)
      runs[runs.length - 1] = { ...last, text: last.text + run.text };
    else runs.push(run);
  };
  for (const token of tokens) {
    const style = styleOf(bold, italic);
    switch (token.type) {
      case 'strong':
        runsOf(token.tokens ?? [], true, italic).forEach(push);
        break;
      case 'em':
        runsOf(token.tokens ?? [], bold, true).forEach(push);
        break;
      case 'codespan':
        push({ kind: 'text', text: (token as Tokens.Codespan).text, style: 'monospace' });
        break;
      case 'math':
        push({ kind: 'math', tex: token['tex'] as string });
        break;
      case 'display':
        push({ kind: 'display', tex: token['tex'] as string });
        break;
      case 'br':
        push({ kind: 'break' });
        break;
      case 'link':
        runsOf(token.tokens ?? [], bold, italic).forEach(push);
        break;
      case 'image':
        plain((token as Tokens.Image).text, style).forEach(push);
        break;
      case 'text':
        if (token.tokens !== undefined) runsOf(token.tokens, bold, italic).forEach(push);
        else plain((token as Tokens.Text).text, style).forEach(push);
        break;
      default:
        plain('text' in token && typeof token.text === 'string' ? token.text : token.raw, style).forEach(
          push,
        );
    }
  }
  return runs;
}

/** A paragraph's text starts and ends with a word: spaces at its ends are dropped, as a browser does. */
function trimEnds(runs: Run[]): Run[] {
  const first = runs[0];
  if (first?.kind === 'text') runs[0] = { ...first, text: first.text.trimStart() };
  const last = runs[runs.length - 1];
  if (last?.kind === 'text') runs[runs.length - 1] = { ...last, text: last.text.trimEnd() };
  return runs.filter((run) => run.kind !== 'text' || run.text !== '');
}

/** Display formulas inside a paragraph become blocks of their own. */
function splitDisplays(runs: readonly Run[]): Block[] {
  const blocks: Block[] = [];
  let run: Inline[] = [];
  const flush = () => {
    while (run[0]?.kind === 'break') run.shift();
    while (run[run.length - 1]?.kind === 'break') run.pop();
    if (run.some((r) => r.kind === 'math' || (r.kind === 'text' && r.text.trim() !== '')))
      blocks.push({ kind: 'paragraph', inlines: run });
    run = [];
  };
  for (const inline of runs) {
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
