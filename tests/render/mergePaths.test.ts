import { describe, expect, it } from 'vitest';
import { mergePaths } from '../../src/adapters/render/mergePaths.ts';
import { createTexConverter } from '../../src/adapters/render/texConverter.ts';

const ROOT = '<g stroke="currentColor" fill="currentColor" stroke-width="0" transform="scale(1,-1)">';
const elements = (svg: string) => svg.match(/<(?!\/)/g)?.length ?? 0;

describe('mergePaths', () => {
  it('GIVEN glyphs under translations and scalings THEN one path in the root, with the transforms applied', () => {
    const svg =
      `${ROOT}<g transform="translate(100,0)"><path d="M0 0L10 0L10 10Z"></path></g>` +
      `<g transform="translate(200, 50) scale(0.5)"><g><path d="M0 0l20 0v20h-20z"></path></g></g></g>`;
    expect(mergePaths(svg)).toBe(`${ROOT}<path d="M100 0l10 0l0 10zM200 50l10 0l0 10l-10 0z"/></g>`);
  });

  it('GIVEN a fraction bar THEN the rule goes into a path of its own', () => {
    const svg = `${ROOT}<g transform="translate(10,0)"><rect width="100" height="60" x="120" y="220"></rect></g></g>`;
    expect(mergePaths(svg)).toBe(`${ROOT}<path d="M130 220l100 0l0 60l-100 0z"/></g>`);
  });

  it('GIVEN a coloured group, a stroked line or a nested svg THEN they are kept, under their transform', () => {
    const svg =
      `${ROOT}<g transform="translate(5,0)"><g fill="red" stroke="red"><path d="M0 0L1 1Z"></path></g>` +
      `<line x1="0" y1="0" x2="10" y2="10" stroke-width="67"></line></g></g>`;
    expect(mergePaths(svg)).toBe(
      `${ROOT}<g transform="matrix(1 0 0 1 5 0)"><g fill="red" stroke="red"><path d="M0 0L1 1Z"></path></g></g>` +
        `<g transform="matrix(1 0 0 1 5 0)"><line x1="0" y1="0" x2="10" y2="10" stroke-width="67"></line></g></g>`,
    );
  });

  it.each([
    ['an arc', `${ROOT}<path d="M0 0A5 5 0 0 1 10 10Z"></path></g>`],
    ['a skew', `${ROOT}<g transform="skewX(10)"><path d="M0 0L1 1Z"></path></g></g>`],
    ['two roots', `${ROOT}</g><g></g>`],
    ['unbalanced markup', `${ROOT}<g>`],
  ])('GIVEN %s THEN the formula is left as it was', (_what, svg) => {
    expect(mergePaths(svg)).toBe(svg);
  });

  it('GIVEN real formulas THEN a few elements each, where MathJax makes dozens', async () => {
    const converter = await createTexConverter();
    const frac = converter.convert('\\frac{\\partial \\ell}{\\partial w_j} = (y - \\hat{y}) x_j', true);
    expect(frac.ok && elements(frac.value.svg)).toBe(3);
    const sum = converter.convert('\\hat{y} = \\sigma \\left( \\sum_{i=1}^n w_i x_i \\right)', true);
    expect(sum.ok && elements(sum.value.svg)).toBe(2);
  });
});
