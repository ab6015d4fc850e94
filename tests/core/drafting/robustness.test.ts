import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CardInfo } from '../../../src/core/cards/card.ts';
import { draftCheck } from '../../../src/core/drafting/draftCheck.ts';
import { seededRng } from '../../../src/core/random/rng.ts';
import { splitSections } from '../../../src/core/cards/sections.ts';

const DECK = fileURLToPath(new URL('../../fixtures/deck/', import.meta.url));
const CUTS = 30;

const info = (question: string, solution: string): CardInfo => ({
  id: 'cut',
  file: 'cut.md',
  course: '',
  tags: [],
  difficulty: 3,
  type: 'derivation',
  body: '',
  question,
  solution,
  contentHash: '',
});

describe('GIVEN a card cut short anywhere (half-written notes)', () => {
  it('THEN drafting answers with a block or a reason, never a throw, and the same answer twice', () => {
    for (const file of readdirSync(DECK)) {
      const { question = '', solution = '' } = splitSections(readFileSync(DECK + file, 'utf8'));
      for (let k = 1; k <= CUTS; k++) {
        const q = question.slice(0, Math.round((question.length * k) / CUTS));
        const s = solution.slice(0, Math.round((solution.length * k) / CUTS));
        const once = draftCheck(info(q, s), seededRng(1));
        expect(once.ok || once.reason.length > 0).toBe(true);
        expect(draftCheck(info(q, s), seededRng(1))).toEqual(once);
      }
    }
  });
});
