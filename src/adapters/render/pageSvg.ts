import type { PageLayout } from './layoutPage.ts';
import type { Theme } from './themes.ts';

/** Wraps a layout into a standalone SVG `pixelWidth` pixels wide, painted in `theme`. */
/** The height in pixels of a page drawn `pixelWidth` wide (the layout's aspect kept). */
export function pagePixelHeight(layout: PageLayout, pixelWidth: number): number {
  return Math.max(1, Math.round((layout.height * pixelWidth) / layout.width));
}

export function pageSvg(layout: PageLayout, pixelWidth: number, theme: Theme): string {
  const pixelHeight = pagePixelHeight(layout, pixelWidth);
  const width = Math.round(layout.width);
  // The viewBox has exactly the pixels' aspect, so no edge row is left half painted.
  const height = Math.round((pixelHeight * layout.width) / pixelWidth);
  // The theme is a stylesheet, so the same layout serves both themes.
  const style =
    `.ink{color:${theme.ink};fill:${theme.ink}}.head{color:${theme.head};fill:${theme.head}}` +
    `.muted{fill:${theme.muted}}.code{fill:${theme.code}}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `width="${pixelWidth}" height="${pixelHeight}" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none">` +
    `<style>${style}</style>` +
    `<rect x="-100" y="-100" width="${width + 200}" height="${height + 200}" fill="${theme.background}"/>` +
    `<g class="ink">${layout.body}</g></svg>`
  );
}
