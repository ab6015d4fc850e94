import sharp from 'sharp';
import type { Png } from './renderError.ts';

// Measured with `npm run bench:render` (docs/render.md). libvips' operation cache keeps recent
// results (up to 50 MB) for reuse, but every page is a new SVG: nothing is ever reused. One libvips
// worker thread per image is enough — librsvg draws an SVG on one thread anyway — and fewer threads
// keep fewer malloc arenas. These are process-wide settings; only the renderer uses sharp.
sharp.cache(false);
sharp.concurrency(1);

/**
 * SVG → PNG with sharp (librsvg). Not resvg-js: it keeps ~4 MB per render until a forced GC
 * (NOTES.md). The SVG's own `width`/`height` are the PNG's pixel size. zlib level 1: a page is mostly
 * flat background, so the file is only ~1.5× the size of level 6's, in a third of the time.
 */
export async function rasterise(svg: string): Promise<Png> {
  const { data, info } = await sharp(Buffer.from(svg))
    .png({ compressionLevel: 1 })
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}
