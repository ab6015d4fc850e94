import type { BarChart } from './barChart.ts';
import { checkMarkdownMath } from './checkMath.ts';
import { layoutChart } from './layoutChart.ts';
import { FORMULA_PADDING_X, layoutFormula } from './layoutFormula.ts';
import { layoutPage, type PageLayout } from './layoutPage.ts';
import { LRUCache } from 'lru-cache';
import { pagePixelHeight, pageSvg } from './pageSvg.ts';
import { parseMarkdown } from './parseMarkdown.ts';
import { rasterise } from './rasterise.ts';
import type { Png, RenderError, RenderResult } from './renderError.ts';
import { createTexConverter } from './texConverter.ts';
import { createTextFont } from './textFont.ts';
import { THEMES, type ThemeName } from './themes.ts';

export interface RenderOptions {
  readonly theme: ThemeName;
}

export interface Renderer {
  /**
   * A card section (the Markdown under `# Question` or `# Solution`) as a page 1200 px wide (600 px
   * at 2×); its height follows the content. Bad TeX gives an error value, never an error box.
   */
  renderCardPng(markdown: string, options: RenderOptions): Promise<RenderResult<Png>>;
  /** One formula (a student's answer read back), on a small image just big enough for it. */
  renderTexPng(tex: string, options: RenderOptions): Promise<RenderResult<Png>>;
  /** A bar chart (analytics) as a page as wide as a card; labels that are TeX are typeset. */
  renderChartPng(chart: BarChart, options: RenderOptions): Promise<RenderResult<Png>>;
  /** Why MathJax cannot read `tex`, or `undefined` when it can. */
  checkTex(tex: string): RenderError | undefined;
  /** Every formula of a card section MathJax cannot read. */
  checkMarkdownMath(markdown: string): RenderError[];
}

export interface RendererConfig {
  /** Rendered PNGs kept, by content and theme (0: none, as the render bench measures). */
  readonly pngCacheSize?: number;
  /** Typeset formulas kept. */
  readonly formulaCacheSize?: number;
}

/** A card image is this many pixels wide: 600 CSS px at 2×, the width of a Discord embed image. */
export const CARD_PIXEL_WIDTH = 1200;
/** Prose at 18 CSS px (2×), a little above Discord's 16 px, since embeds are shown scaled down. */
const CARD_PIXELS_PER_EM = 36;
const FORMULA_PIXELS_PER_EM = 48;
/** Longer Markdown is refused: a real card section is a few kB. */
export const MAX_MARKDOWN_LENGTH = 20_000;

const tooLong = (what: string, length: number, max: number): RenderResult<never> => ({
  ok: false,
  error: { code: 'too_long', message: `${what} too long (${length} characters; at most ${max})` },
});

/** librsvg and libpng refuse larger images; such a page is shown as text instead. */
const MAX_PIXEL_SIDE = 32_767;

async function drawPage(layout: PageLayout, width: number, theme: ThemeName): Promise<RenderResult<Png>> {
  const height = pagePixelHeight(layout, width);
  if (height > MAX_PIXEL_SIDE)
    return {
      ok: false,
      error: {
        code: 'too_large',
        message: `the page is too tall to draw (${height} px; at most ${MAX_PIXEL_SIDE})`,
      },
    };
  try {
    return { ok: true, value: await rasterise(pageSvg(layout, width, THEMES[theme])) };
  } catch (error) {
    return {
      ok: false,
      error: { code: 'too_large', message: `the page could not be drawn: ${(error as Error).message}` },
    };
  }
}

/**
 * Sets up MathJax (about 0.2–0.3 s: the font's dynamic files are all loaded here, once) and returns
 * the renderer. One per process is enough; renders are cached by content.
 */
export async function createRenderer(config: RendererConfig = {}): Promise<Renderer> {
  const converter = await createTexConverter({ cacheSize: config.formulaCacheSize ?? 1000 });
  const font = createTextFont(converter.font);
  const pngCacheSize = config.pngCacheSize ?? 128;
  // lru-cache refuses a size of 0: no cache at all then (the benchmark measures real renders).
  const pngs = pngCacheSize > 0 ? new LRUCache<string, RenderResult<Png>>({ max: pngCacheSize }) : undefined;

  async function cachedPng(
    key: string,
    pixelWidth: (layout: PageLayout) => number,
    theme: ThemeName,
    layout: () => RenderResult<PageLayout>,
  ): Promise<RenderResult<Png>> {
    const hit = pngs?.get(key);
    if (hit) return hit;
    const laidOut = layout();
    const result: RenderResult<Png> = laidOut.ok
      ? await drawPage(laidOut.value, pixelWidth(laidOut.value), theme)
      : laidOut;
    pngs?.set(key, result);
    return result;
  }

  return {
    renderCardPng(markdown, { theme }) {
      if (markdown.length > MAX_MARKDOWN_LENGTH) {
        return Promise.resolve(tooLong('Card text', markdown.length, MAX_MARKDOWN_LENGTH));
      }
      return cachedPng(
        `card:${theme}:${markdown}`,
        () => CARD_PIXEL_WIDTH,
        theme,
        () =>
          layoutPage(parseMarkdown(markdown), converter, font, {
            widthEm: CARD_PIXEL_WIDTH / CARD_PIXELS_PER_EM,
            marginXEm: 1.1,
            marginYEm: 0.8,
          }),
      );
    },
    renderTexPng(tex, { theme }) {
      return cachedPng(
        `tex:${theme}:${tex}`,
        // A very long answer is scaled down to the card width rather than made wider.
        (layout) => Math.min(CARD_PIXEL_WIDTH, Math.round((layout.width / 1000) * FORMULA_PIXELS_PER_EM)),
        theme,
        () => {
          let math = converter.convert(tex, true);
          // A long answer is broken into lines like display math on a card, not shrunk to a sliver.
          const maxWidth = (CARD_PIXEL_WIDTH / FORMULA_PIXELS_PER_EM) * 1000 - 2 * FORMULA_PADDING_X;
          if (math.ok && math.value.width > maxWidth) math = converter.convertBroken(tex, maxWidth);
          return math.ok ? { ok: true, value: layoutFormula(math.value) } : math;
        },
      );
    },
    renderChartPng(chart, { theme }) {
      return cachedPng(
        `chart:${theme}:${JSON.stringify(chart)}`,
        () => CARD_PIXEL_WIDTH,
        theme,
        () => ({
          ok: true,
          value: layoutChart(chart, converter, font, CARD_PIXEL_WIDTH / CARD_PIXELS_PER_EM),
        }),
      );
    },
    checkTex(tex) {
      const result = converter.convert(tex, true);
      return result.ok ? undefined : result.error;
    },
    checkMarkdownMath: (markdown) => checkMarkdownMath(markdown, converter),
  };
}
