import { AttachmentBuilder } from 'discord.js';
import { altText, type Renderer } from '../render/index.ts';

export type CardImage =
  { readonly ok: true; readonly file: AttachmentBuilder } | { readonly ok: false; readonly message: string };

/**
 * A card section (question or solution Markdown) as an image attachment named `name`, with the
 * section in plain words as its description for screen readers. Without a renderer, or when the
 * TeX does not typeset, the caller posts the Markdown as text.
 */
export async function cardImage(
  renderer: Renderer | undefined,
  markdown: string,
  name: string,
): Promise<CardImage> {
  if (!renderer) return { ok: false, message: 'images are off' };
  const png = await renderer.renderCardPng(markdown, { theme: 'dark' });
  if (!png.ok) return { ok: false, message: png.error.message };
  return { ok: true, file: new AttachmentBuilder(png.value.png, { name, description: altText(markdown) }) };
}
