import { mathjax } from '@mathjax/src/js/mathjax.js';
import { TeX } from '@mathjax/src/js/input/tex.js';
import { SVG } from '@mathjax/src/js/output/svg.js';
import { liteAdaptor } from '@mathjax/src/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from '@mathjax/src/js/handlers/html.js';
import '@mathjax/src/js/input/tex/base/BaseConfiguration.js';
import '@mathjax/src/js/input/tex/ams/AmsConfiguration.js';
import '@mathjax/src/js/input/tex/boldsymbol/BoldsymbolConfiguration.js';
import '@mathjax/src/js/input/tex/braket/BraketConfiguration.js';
import '@mathjax/src/js/input/tex/cancel/CancelConfiguration.js';
import '@mathjax/src/js/input/tex/cases/CasesConfiguration.js';
import '@mathjax/src/js/input/tex/centernot/CenternotConfiguration.js';
import '@mathjax/src/js/input/tex/color/ColorConfiguration.js';
import '@mathjax/src/js/input/tex/configmacros/ConfigMacrosConfiguration.js';
import '@mathjax/src/js/input/tex/mathtools/MathtoolsConfiguration.js';
import '@mathjax/src/js/input/tex/upgreek/UpgreekConfiguration.js';
// Gives MathJax an `import()`-based loader for the font's dynamic files.
import '@mathjax/src/js/util/asyncLoad/esm.js';
import { MathJaxNewcmFont } from '@mathjax/mathjax-newcm-font/js/svg.js';
import { LRUCache } from 'lru-cache';
import { mergePaths } from './mergePaths.ts';
import type { RenderResult } from './renderError.ts';

/** TeX longer than this is refused: 20k characters took MathJax 3.5 s (NOTES.md). */
export const MAX_TEX_LENGTH = 4096;

/**
 * One typeset formula. Lengths are in thousandths of an em (MathJax's own unit); `svg` draws the
 * formula with its left edge at x = 0 and its baseline at y = 0, in `currentColor`.
 */
export interface MathBox {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly depth: number;
}

export interface TexConverter {
  convert(tex: string, display: boolean): RenderResult<MathBox>;
  /** A display formula broken into lines (by MathJax, at relations and operators) to fit `width`. */
  convertBroken(tex: string, width: number): RenderResult<MathBox>;
  /** Glyph data of the font the formulas use, so prose can be set in the same face. */
  readonly font: MathJaxNewcmFont;
}

/**
 * Macros cards commonly use that MathJax lacks. No `newcommand` package: a card's `\def` could
 * loop, and every macro a card may use is listed here.
 */
const MACROS = {
  argmin: '\\operatorname*{arg\\,min}',
  argmax: '\\operatorname*{arg\\,max}',
  bm: ['\\boldsymbol{#1}', 1],
  R: '\\mathbb{R}',
  E: '\\mathbb{E}',
  T: '\\top',
  diag: '\\operatorname{diag}',
  tr: '\\operatorname{tr}',
  sign: '\\operatorname{sign}',
  softmax: '\\operatorname{softmax}',
};

const PACKAGES = [
  'base',
  'ams',
  'boldsymbol',
  'braket',
  'cancel',
  'cases',
  'centernot',
  'color',
  'configmacros',
  'mathtools',
  'upgreek',
];

/** A container width no formula reaches: display math is never broken. */
const UNBOUNDED = 1e6;

/** MathJax's bookkeeping attributes: they repeat the TeX on every node and only bloat the SVG. */
const DATA_ATTRIBUTES = / data-[\w-]+="[^"]*"/g;

/**
 * Sets up MathJax (TeX in, SVG out, New Computer Modern) and loads every dynamic font file at once,
 * so `convert` never needs an asynchronous retry (`\ell`, `\hat` … live in those files).
 */
export async function createTexConverter(options: { cacheSize?: number } = {}): Promise<TexConverter> {
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const input = new TeX({
    packages: PACKAGES,
    macros: MACROS,
    tags: 'none',
    // Without this MathJax renders its red error box; a thrown TexError becomes an error value.
    formatError: (_jax: unknown, error: Error) => {
      throw error;
    },
  });
  const output = new SVG({
    fontData: MathJaxNewcmFont,
    fontCache: 'none',
    // Display math breaks only when `convertBroken` passes a narrow container; inline math never
    // breaks, as it would become several SVGs.
    displayOverflow: 'linebreak',
    linebreaks: { inline: false },
  });
  const document = mathjax.document('', { InputJax: input, OutputJax: output });
  await output.font.loadDynamicFiles();
  const cache = new LRUCache<string, RenderResult<MathBox>>({ max: options.cacheSize ?? 1000 });

  /** `containerWidth` in pixels of MathJax's nominal 16 px em. */
  function typeset(tex: string, display: boolean, containerWidth: number): RenderResult<MathBox> {
    if (tex.length > MAX_TEX_LENGTH) {
      return {
        ok: false,
        error: {
          code: 'too_long',
          message: `Formula too long (${tex.length} characters; at most ${MAX_TEX_LENGTH})`,
          tex: tex.slice(0, 80),
        },
      };
    }
    try {
      const container = document.convert(tex, { display, em: 16, ex: 8, containerWidth });
      const svg = adaptor.firstChild(container) as ReturnType<typeof adaptor.node>;
      const [minX, minY, width, height] = (adaptor.getAttribute(svg, 'viewBox') ?? '0 0 0 0')
        .split(' ')
        .map(Number) as [number, number, number, number];
      const inner = mergePaths(adaptor.innerHTML(svg).replace(DATA_ATTRIBUTES, ''));
      return {
        ok: true,
        value: {
          svg: minX === 0 ? inner : `<g transform="translate(${-minX},0)">${inner}</g>`,
          width,
          height: -minY,
          depth: minY + height,
        },
      };
    } catch (error) {
      return { ok: false, error: { code: 'bad_tex', message: messageOf(error), tex } };
    }
  }

  function cached(key: string, make: () => RenderResult<MathBox>): RenderResult<MathBox> {
    let result = cache.get(key);
    if (!result) {
      result = make();
      cache.set(key, result);
    }
    return result;
  }

  return {
    font: output.font as MathJaxNewcmFont,
    convert: (tex, display) =>
      cached(`${display ? 'D' : 'I'}:${tex}`, () => typeset(tex, display, UNBOUNDED)),
    convertBroken: (tex, width) =>
      cached(`B${Math.round(width)}:${tex}`, () => typeset(tex, true, (width / 1000) * 16)),
  };
}

/** MathJax throws `TexError`s, which are not `Error`s but carry a `message`. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
