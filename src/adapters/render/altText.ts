import { parseMarkdown, type Block, type Inline } from './parseMarkdown.ts';

/** Discord's limit on an attachment's description. */
export const MAX_ALT_TEXT_LENGTH = 1024;

function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => (i.kind === 'text' ? i.text : i.kind === 'math' ? i.tex : '\n'))
    .join('')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function blockLines(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
        return [inlineText(block.inlines)];
      case 'display':
        return [block.tex];
      case 'list':
        return block.items.flatMap((item) => {
          const [first = '', ...rest] = blockLines(item.blocks);
          return [`${item.marker} ${first}`, ...rest];
        });
      case 'quote':
        return blockLines(block.blocks);
      case 'code':
        return [block.text];
      case 'rule':
        return [];
    }
  });
}

/**
 * A card section in plain words for screen readers: the Markdown markup dropped, each formula kept
 * as its TeX source (which students can read and paste), display formulas on lines of their own.
 * Cut at `maxLength` characters, with an ellipsis.
 */
export function altText(markdown: string, maxLength = MAX_ALT_TEXT_LENGTH): string {
  const text = blockLines(parseMarkdown(markdown))
    .filter((line) => line !== '')
    .join('\n');
  return text.length <= maxLength ? text : text.slice(0, maxLength - 1).trimEnd() + '…';
}
