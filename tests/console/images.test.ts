import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runConsoleSession } from '../../src/adapters/console/consoleSession.ts';
import { imageFiles, type ConsoleImages } from '../../src/adapters/console/images.ts';
import { createRenderer } from '../../src/adapters/render/index.ts';
import type { AppContext } from '../../src/app/index.ts';
import { IMAGE_DIRECTORY } from '../../src/main/console.ts';
import { openConsoleApp, Transcript } from './consoleHarness.ts';

const CARD = 'ssu_batch6_005';
const WRONG = '(y - yhat) * w';
const RIGHT = '(y - yhat) x';

let app: AppContext;
let close: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  ({ app, close } = await openConsoleApp());
  dir = mkdtempSync(path.join(os.tmpdir(), 'gradquiz-images-'));
});
afterAll(async () => {
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

async function session(name: string, images: ConsoleImages, lines: readonly string[]): Promise<string> {
  const output = new Transcript();
  await runConsoleSession({
    app,
    user: { id: `local:${name}`, displayName: name },
    input: Readable.from([lines.map((line) => `${line}\n`).join('')]),
    output,
    greeting: {
      cards: 14,
      flashcards: 0,
      fallbacks: [],
      broken: [],
      databaseDescription: 'embedded database in memory',
    },
    interactive: false,
    color: false,
    images,
  });
  return output.text;
}

/** The paths printed after `label: `. */
const pathsAfter = (output: string, label: string) =>
  [...output.matchAll(new RegExp(`^ *${label}: (/.*\\.png)$`, 'gm'))].map((m) => m[1] ?? '');

describe('images in the practice mode', () => {
  it('GIVEN the real renderer THEN question, read-back and solution are PNG files whose paths are printed', async () => {
    const output = await session('ida', imageFiles(dir, createRenderer), [
      `/quiz card:${CARD}`,
      WRONG,
      RIGHT,
      '/solution',
    ]);
    const [question, solution] = pathsAfter(output, 'image');
    const [readBack] = pathsAfter(output, 'read-back image');
    expect(question).toBe(path.join(dir, `${CARD}-question.png`));
    expect(solution).toBe(path.join(dir, `${CARD}-solution.png`));
    expect(readBack).toMatch(new RegExp(`^${dir}/answer-[0-9a-f]{12}\\.png$`));
    // Only the incorrect answer is read back.
    expect(pathsAfter(output, 'read-back image')).toHaveLength(1);

    const q = await sharp(question).metadata();
    expect(q).toMatchObject({ format: 'png', width: 1200 });
    expect(q.height).toBeGreaterThan(600);
    expect(q.height).toBeLessThan(2000);
    const s = await sharp(solution).metadata();
    expect(s).toMatchObject({ format: 'png', width: 1200 });
    expect(s.height ?? 0).toBeGreaterThan(q.height ?? 0);
    const r = await sharp(readBack).metadata();
    expect(r.format).toBe('png');
    expect(r.width).toBeGreaterThan(100);
    expect(r.width).toBeLessThan(1200);
    expect(r.height).toBeGreaterThan(40);
    expect(r.height).toBeLessThan(200);
    // Not blank: the dark page has light ink on it.
    const stats = await sharp(question).stats();
    expect(stats.channels[0]?.max).toBeGreaterThan(200);
    expect(stats.channels[0]?.mean).toBeLessThan(80);

    // The line goes below the question, before the part to answer.
    const lines = output.split('\n');
    const at = lines.indexOf(`image: ${question}`);
    expect(lines[at - 1]).toContain('(2) Reuse the neuron activity');
    expect(lines[at + 2]).toBe('Part 1 of 2: Derive the gradient of the loss for a single sample.');
  }, 60_000);

  it('GIVEN an image that cannot be drawn THEN one line says so and the quiz goes on', async () => {
    const failing: ConsoleImages = {
      question: () => Promise.reject(new Error('MathJax is out to lunch')),
      solution: () => Promise.reject(new Error('no')),
      readBack: () => Promise.reject(new Error('no')),
    };
    const output = await session('jo', failing, [`/quiz card:${CARD}`, RIGHT]);
    expect(output).toContain('image: not drawn (MathJax is out to lunch)');
    expect(output).toContain('Part 1 solved');
  });

  it('GIVEN a drawing port THEN a correct answer gets no read-back, an answer that does not read neither', async () => {
    const drawn: string[] = [];
    const fake: ConsoleImages = {
      question: async (card) => `/img/${card.id}-question.png`,
      solution: async (card) => `/img/${card.id}-solution.png`,
      readBack: async (tex) => (drawn.push(tex), '/img/answer.png'),
    };
    const output = await session('kim', fake, [`/quiz card:${CARD}`, '(y - yhat *', WRONG, RIGHT]);
    expect(drawn).toEqual(['\\left(y - \\hat{y}\\right) \\mathbf{w}']);
    expect(output).toContain('   read-back image: /img/answer.png');
  });

  it('GIVEN the practice mode THEN images go to the temp folder, not into the database folder', () => {
    expect(IMAGE_DIRECTORY).toBe(path.join(os.tmpdir(), 'gradquiz-images'));
    expect(existsSync(dir)).toBe(true);
  });
});
