import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run.ts';
import { parseCard } from '../../src/core/cards/parseCard.ts';
import { memoryIo } from '../helpers/memoryIo.ts';

const DECK = fileURLToPath(new URL('../fixtures/deck/', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

async function cli(args: string[]) {
  const m = memoryIo('');
  const code = await runCli(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gradquiz-draft-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('GIVEN gradquiz cards draft', () => {
  it('THEN it prints each drafted block with what it was proven against, or why there is none', async () => {
    const r = await cli(['cards', 'draft', DECK]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '# check drafted by gradquiz cards draft, proven against the solution: part 1',
    );
    expect(r.stdout).toMatch(
      /000_aa23e2add4713a5a\.txt \(ssu_batch6_005\)\n# check drafted[^\n]*\ncheck:\n {2}vars:\n/,
    );
    expect(r.stdout).toMatch(
      /007_relu-wrong\.md \(notes_relu_unit\): no check block could be drafted: part 1: the solution's formula/,
    );
    expect(r.stdout).toMatch(
      /010_bias-variance\.md \(notes_bias_variance\): type concept, a self-graded flashcard/,
    );
  });

  it('THEN a card with a written block is skipped', async () => {
    const r = await cli(['cards', 'draft', join(SEEDS, '000_aa23e2add4713a5a.txt')]);
    expect(r.stdout).toMatch(/has a written check block; skipped/);
  });

  it('THEN --write inserts the block before the closing --- and changes no other byte', async () => {
    const file = join(dir, 'first.txt');
    await copyFile(join(DECK, '000_aa23e2add4713a5a.txt'), file);
    const before = await readFile(file, 'utf8');
    const r = await cli(['cards', 'draft', file, '--write']);
    expect(r.code).toBe(0);
    const after = await readFile(file, 'utf8');
    const inserted = r.stdout.split('\n').slice(1).join('\n').replace(/\n$/, '');
    const at = before.indexOf('\n---\n', 4) + 1;
    expect(after).toBe(before.slice(0, at) + inserted + before.slice(at));

    const parsed = parseCard(after, 'first.txt', 'h');
    expect(parsed.ok && parsed.card.grading === 'numeric' && parsed.card.check).toBe('written');
    const again = await cli(['cards', 'draft', file]);
    expect(again.stdout).toMatch(/has a written check block; skipped/);
  });
});
