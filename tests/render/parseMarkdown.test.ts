import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/adapters/render/parseMarkdown.ts';
import { altText } from '../../src/adapters/render/altText.ts';

describe('parseMarkdown', () => {
  it('GIVEN prose, inline and display math THEN paragraphs around a display block', () => {
    expect(parseMarkdown('Let $x$ be:\n$$ y = x^2 $$\nthen.')).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'Let ', style: 'normal' },
          { kind: 'math', tex: 'x' },
          { kind: 'text', text: ' be:', style: 'normal' },
        ],
      },
      { kind: 'display', tex: 'y = x^2' },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'then.', style: 'normal' }] },
    ]);
  });

  it('GIVEN a display formula over several lines, with a blank line THEN one display block', () => {
    expect(parseMarkdown('$$\na = b\n\n+ c\n$$')).toEqual([{ kind: 'display', tex: 'a = b\n\n+ c' }]);
  });

  it('GIVEN one newline THEN a line break (Obsidian), a blank line THEN a new paragraph', () => {
    const [first, second] = parseMarkdown('one\ntwo\n\nthree');
    expect(first).toEqual({
      kind: 'paragraph',
      inlines: [
        { kind: 'text', text: 'one', style: 'normal' },
        { kind: 'break' },
        { kind: 'text', text: 'two', style: 'normal' },
      ],
    });
    expect(second?.kind).toBe('paragraph');
  });

  it('GIVEN emphasis, code, links and escapes THEN styled runs', () => {
    const [p] = parseMarkdown('**Bold** *it* `co_de` [[target|alias]] [text](http://x) \\$5 snake_case_x');
    expect(p?.kind === 'paragraph' && p.inlines).toEqual([
      { kind: 'text', text: 'Bold', style: 'bold' },
      { kind: 'text', text: ' ', style: 'normal' },
      { kind: 'text', text: 'it', style: 'italic' },
      { kind: 'text', text: ' ', style: 'normal' },
      { kind: 'text', text: 'co_de', style: 'monospace' },
      { kind: 'text', text: ' alias text $5 snake_case_x', style: 'normal' },
    ]);
  });

  it('GIVEN nested and numbered lists THEN list blocks with markers', () => {
    const [list] = parseMarkdown('1. one $a$\n   - sub\n2. two');
    expect(list?.kind).toBe('list');
    if (list?.kind !== 'list') return;
    expect(list.items.map((i) => i.marker)).toEqual(['1.', '2.']);
    expect(list.items[0]?.blocks.map((b) => b.kind)).toEqual(['paragraph', 'list']);
  });

  it('GIVEN a heading, a quote, a rule and a fenced block THEN their blocks', () => {
    expect(parseMarkdown('## (1) Derivation\n\n> q\n\n---\n\n```\nx = 1\n```').map((b) => b.kind)).toEqual([
      'heading',
      'quote',
      'rule',
      'code',
    ]);
  });

  it('GIVEN a * or _ inside $…$ THEN it opens no emphasis; around math, emphasis still holds', () => {
    const [p] = parseMarkdown('*see $a*b$ here* and $x_1 + y_2$ _fine_');
    expect(p?.kind === 'paragraph' && p.inlines).toEqual([
      { kind: 'text', text: 'see ', style: 'italic' },
      { kind: 'math', tex: 'a*b' },
      { kind: 'text', text: ' here', style: 'italic' },
      { kind: 'text', text: ' and ', style: 'normal' },
      { kind: 'math', tex: 'x_1 + y_2' },
      { kind: 'text', text: ' ', style: 'normal' },
      { kind: 'text', text: 'fine', style: 'italic' },
    ]);
  });

  it('GIVEN a lone dollar or an unclosed emphasis THEN plain text', () => {
    expect(parseMarkdown('costs $ and *more')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'costs $ and *more', style: 'normal' }] },
    ]);
  });
});

describe('altText', () => {
  it('GIVEN a section THEN plain words with the TeX kept, displays on their own lines', () => {
    expect(altText('## Part\nLet **$s$** be:\n$$ s = w^\\top x $$\n- [[logistic-regression]]')).toBe(
      'Part\nLet s be:\ns = w^\\top x\n• logistic-regression',
    );
  });

  it('GIVEN a long section THEN cut at the limit with an ellipsis', () => {
    const text = altText('word '.repeat(500), 100);
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text.endsWith('…')).toBe(true);
  });
});
