import sharp from 'sharp';
import type { Png } from './renderError.ts';

/**
 * SVG → PNG with sharp (librsvg). Not resvg-js: it keeps ~4 MB per render until a forced GC
 * (NOTES.md). The SVG's own `width`/`height` are the PNG's pixel size.
 */
export async function rasterise(svg: string): Promise<Png> {
  const { data, info } = await sharp(Buffer.from(svg))
    .png({ compressionLevel: 6 })
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}
