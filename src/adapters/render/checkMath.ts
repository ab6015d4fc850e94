import { parseMarkdown, type Block } from './parseMarkdown.ts';
import type { RenderError } from './renderError.ts';
import type { TexConverter } from './texConverter.ts';

/** Every formula of a section, in reading order. */
function collectMath(blocks: readonly Block[]): { tex: string; display: boolean }[] {
  return blocks.flatMap((block): { tex: string; display: boolean }[] => {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
        return block.inlines.flatMap((i) => (i.kind === 'math' ? [{ tex: i.tex, display: false }] : []));
      case 'display':
        return [{ tex: block.tex, display: true }];
      case 'list':
        return block.items.flatMap((item) => collectMath(item.blocks));
      case 'quote':
        return collectMath(block.blocks);
      default:
        return [];
    }
  });
}

/**
 * The formulas of a card section MathJax cannot read, one error each (with its `tex`), for
 * `cards check` to print as text. Empty when every formula typesets.
 */
export function checkMarkdownMath(markdown: string, converter: Pick<TexConverter, 'convert'>): RenderError[] {
  return collectMath(parseMarkdown(markdown)).flatMap(({ tex, display }) => {
    const result = converter.convert(tex, display);
    return result.ok ? [] : [result.error];
  });
}
