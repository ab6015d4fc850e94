import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Card } from '../../core/cards/card.ts';
import type { Renderer } from '../render/index.ts';
import type { Style } from './style.ts';

/**
 * The practice mode's images: a terminal cannot show a typeset card, so each is drawn into a PNG
 * file and its path printed. Each method resolves with the file's path, or rejects with why the
 * image could not be drawn (bad TeX, no renderer); the session then says so in one line.
 */
export interface ConsoleImages {
  question(card: Card): Promise<string>;
  solution(card: Card): Promise<string>;
  /** A student's answer, as TeX, typeset as the reader understood it. */
  readBack(tex: string): Promise<string>;
}

/** `image: /path/to/card-question.png`, or why there is none. */
export async function imageLine(label: string, draw: () => Promise<string>, style: Style): Promise<string> {
  try {
    return `${style.dim(`${label}:`)} ${await draw()}`;
  } catch (error) {
    return style.dim(`${label}: not drawn (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** A card id as a file name: letters, digits, `-`, `_` and `.` kept, anything else `_`. */
const fileSafe = (id: string) => id.replace(/[^\w.-]/g, '_');

/**
 * Images drawn in Discord's dark theme by the renderer `createRenderer` makes — once, at the first
 * image, so that the practice mode starts without waiting for MathJax — written into `dir`:
 * `<card>-question.png`, `<card>-solution.png` and `answer-<hash of the TeX>.png`. A file is
 * rewritten when drawn again.
 */
export function imageFiles(dir: string, createRenderer: () => Promise<Renderer>): ConsoleImages {
  let renderer: Promise<Renderer> | undefined;
  let made: Promise<unknown> | undefined;

  async function save(name: string, draw: (r: Renderer) => ReturnType<Renderer['renderTexPng']>) {
    const png = await draw(await (renderer ??= createRenderer()));
    if (!png.ok) throw new Error(png.error.message);
    await (made ??= mkdir(dir, { recursive: true }));
    const file = path.join(dir, name);
    await writeFile(file, png.value.png);
    return file;
  }

  const section = (card: Card, which: 'question' | 'solution') => {
    const markdown = which === 'question' ? card.question : card.solution;
    if (!markdown?.trim()) return Promise.reject(new Error(`the card has no ${which}`));
    return save(`${fileSafe(card.id)}-${which}.png`, (r) => r.renderCardPng(markdown, { theme: 'dark' }));
  };

  return {
    question: (card) => section(card, 'question'),
    solution: (card) => section(card, 'solution'),
    readBack(tex) {
      const hash = createHash('sha256').update(tex).digest('hex').slice(0, 12);
      return save(`answer-${hash}.png`, (r) => r.renderTexPng(tex, { theme: 'dark' }));
    },
  };
}
