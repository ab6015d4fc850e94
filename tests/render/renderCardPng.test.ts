import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRenderer, type Renderer } from '../../src/adapters/render/index.ts';
import { THEMES, type ThemeName } from '../../src/adapters/render/themes.ts';
import { FIRST_CARD_FILE, seedSections } from './seedSections.ts';

const { question, solution } = seedSections(FIRST_CARD_FILE);

let renderer: Renderer;
beforeAll(async () => {
  renderer = await createRenderer();
});

async function pngOf(markdown: string, theme: ThemeName): Promise<Buffer> {
  const result = await renderer.renderCardPng(markdown, { theme });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.png;
}

/** Share of pixels whose colour is far from the theme's background: the ink on the page. */
async function inkShare(png: Buffer, theme: ThemeName): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const bg = THEMES[theme].background.match(/\w\w/g)?.map((h) => parseInt(h, 16)) ?? [];
  let ink = 0;
  for (let i = 0; i < data.length; i += 3) {
    const distance =
      Math.abs((data[i] ?? 0) - (bg[0] ?? 0)) +
      Math.abs((data[i + 1] ?? 0) - (bg[1] ?? 0)) +
      Math.abs((data[i + 2] ?? 0) - (bg[2] ?? 0));
    if (distance > 60) ink++;
  }
  return ink / (info.width * info.height);
}

describe('renderCardPng', () => {
  it('GIVEN the first card question THEN a PNG 1200 px wide whose height follows the content', async () => {
    const result = await renderer.renderCardPng(question, { theme: 'dark' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const meta = await sharp(result.value.png).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(1200);
    expect(meta.height).toBe(result.value.height);
    expect(meta.height).toBeGreaterThan(600);
    const short = await renderer.renderCardPng('Derive $x$.', { theme: 'dark' });
    expect(short.ok && short.value.height).toBeLessThan(200);
  });

  it('GIVEN the solution THEN a taller page than the question', async () => {
    const q = await sharp(await pngOf(question, 'dark')).metadata();
    const s = await sharp(await pngOf(solution, 'dark')).metadata();
    expect(s.height ?? 0).toBeGreaterThan((q.height ?? 0) * 1.5);
  });

  it.each(['dark', 'light'] as const)(
    'GIVEN the %s theme THEN its background, with text on it',
    async (theme) => {
      const png = await pngOf(question, theme);
      const { data } = await sharp(png)
        .extract({ left: 0, top: 0, width: 1, height: 1 })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect('#' + [...data].map((b) => b.toString(16).padStart(2, '0')).join('')).toBe(
        THEMES[theme].background,
      );
      // Text covers a few percent of a typeset page: neither blank nor a filled box.
      const share = await inkShare(png, theme);
      expect(share).toBeGreaterThan(0.02);
      expect(share).toBeLessThan(0.25);
      const stats = await sharp(png).stats();
      expect(stats.channels[0]?.stdev ?? 0).toBeGreaterThan(10);
    },
  );

  it('GIVEN dark and light THEN the dark page is dark and the light page light', async () => {
    const dark = await sharp(await pngOf(question, 'dark')).stats();
    const light = await sharp(await pngOf(question, 'light')).stats();
    expect(dark.channels[0]?.mean ?? 255).toBeLessThan(80);
    expect(light.channels[0]?.mean ?? 0).toBeGreaterThan(200);
  });

  it('GIVEN prose only THEN the prose is drawn (not only the math)', async () => {
    expect(
      await inkShare(await pngOf('Consider the following simple neural network.', 'dark'), 'dark'),
    ).toBeGreaterThan(0.02);
  });

  it('GIVEN an undefined macro THEN an error value naming it, and no image', async () => {
    const result = await renderer.renderCardPng('Compute $\\foo{x}$ now.', { theme: 'dark' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad_tex', message: 'Undefined control sequence \\foo', tex: '\\foo{x}' },
    });
  });

  it('GIVEN unbalanced braces in display math THEN an error value', async () => {
    const result = await renderer.renderCardPng('$$ \\frac{1}{2 $$', { theme: 'light' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bad_tex');
  });

  it('GIVEN a formula over 4 kB or Markdown over 20 kB THEN too_long', async () => {
    const longTex = await renderer.renderCardPng(`$${'x+'.repeat(2100)}x$`, { theme: 'dark' });
    expect(!longTex.ok && longTex.error.code).toBe('too_long');
    const longText = await renderer.renderCardPng('word '.repeat(5000), { theme: 'dark' });
    expect(!longText.ok && longText.error.code).toBe('too_long');
  });

  it('GIVEN a page taller than a PNG can be THEN too_large, an error value, not a throw', async () => {
    const tall = Array.from({ length: 1500 }, (_, i) => `Line ${i}.`).join('\n\n');
    const result = await renderer.renderCardPng(tall, { theme: 'dark' });
    expect(result).toMatchObject({ ok: false, error: { code: 'too_large' } });
    if (!result.ok) expect(result.error.message).toMatch(/too tall to draw \(\d+ px; at most 32767\)/);
  });

  it('GIVEN the same card twice THEN the cached PNG; another theme THEN another PNG', async () => {
    const first = await pngOf(question, 'dark');
    const again = await pngOf(question, 'dark');
    expect(again).toBe(first);
    expect(await pngOf(question, 'light')).not.toBe(first);
  });

  it('GIVEN a cache of one THEN the older render is evicted and rendered anew, identically', async () => {
    const small = await createRenderer({ pngCacheSize: 1 });
    const a1 = await small.renderCardPng('First $a$.', { theme: 'dark' });
    await small.renderCardPng('Second $b$.', { theme: 'dark' });
    const a2 = await small.renderCardPng('First $a$.', { theme: 'dark' });
    expect(a1.ok && a2.ok).toBe(true);
    if (!a1.ok || !a2.ok) return;
    expect(a2.value.png).not.toBe(a1.value.png);
    expect(a2.value.png.equals(a1.value.png)).toBe(true);
  });

  it('GIVEN a display formula far wider than the page THEN it still fits the page', async () => {
    const wide = `$$ ${Array.from({ length: 40 }, (_, i) => `a_{${i}}`).join(' + ')} = b $$`;
    const result = await renderer.renderCardPng(wide, { theme: 'dark' });
    expect(result.ok && result.value.width).toBe(1200);
    // Broken into lines rather than shrunk to a sliver: taller than one line of math.
    expect(result.ok && result.value.height).toBeGreaterThan(150);
  });
});

describe('renderTexPng', () => {
  it('GIVEN an answer THEN a small image of it', async () => {
    const result = await renderer.renderTexPng('(y - \\hat{y}) x_j', { theme: 'dark' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.width).toBeGreaterThan(100);
    expect(result.value.width).toBeLessThan(600);
    expect(result.value.height).toBeLessThan(200);
    expect(await inkShare(result.value.png, 'dark')).toBeGreaterThan(0.05);
  });

  it('GIVEN bad TeX THEN an error value', async () => {
    const result = await renderer.renderTexPng('\\frac{1}{', { theme: 'dark' });
    expect(result.ok).toBe(false);
  });

  it('GIVEN a very long answer THEN at most the card width', async () => {
    const result = await renderer.renderTexPng(Array.from({ length: 60 }, (_, i) => `x_{${i}}`).join('+'), {
      theme: 'dark',
    });
    expect(result.ok && result.value.width).toBeLessThanOrEqual(1200);
  });
});

describe('checkTex and checkMarkdownMath', () => {
  it('GIVEN good TeX THEN nothing; bad TeX THEN the message', () => {
    expect(renderer.checkTex('\\frac{1}{1+e^{-w^\\top x}}')).toBeUndefined();
    expect(renderer.checkTex('\\hat{y')?.code).toBe('bad_tex');
  });

  it('GIVEN a section with two bad formulas THEN both, in order', () => {
    const problems = renderer.checkMarkdownMath('Let $\\foo$ be\n$$ \\bar{x} = \\baz $$\n- and $x^{$');
    expect(problems.map((p) => p.tex)).toEqual(['\\foo', '\\bar{x} = \\baz', 'x^{']);
  });

  it('GIVEN the first card THEN no problems', () => {
    expect(renderer.checkMarkdownMath(question)).toEqual([]);
    expect(renderer.checkMarkdownMath(solution)).toEqual([]);
  });
});
