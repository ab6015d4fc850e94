export { altText, MAX_ALT_TEXT_LENGTH } from './altText.ts';
export { MAX_CHART_BARS, type BarChart, type ChartBar, type ChartLabel } from './barChart.ts';
export { chartAltText } from './chartAltText.ts';
export {
  createRenderer,
  CARD_PIXEL_WIDTH,
  MAX_MARKDOWN_LENGTH,
  type Renderer,
  type RendererConfig,
  type RenderOptions,
} from './createRenderer.ts';
export type { Png, RenderError, RenderErrorCode, RenderResult } from './renderError.ts';
export { MAX_TEX_LENGTH } from './texConverter.ts';
export type { ThemeName } from './themes.ts';
