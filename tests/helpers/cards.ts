import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NumericCard } from '../../src/core/cards/card.ts';
import { parseCard } from '../../src/core/cards/parseCard.ts';
import { findPart, gradeAnswer } from '../../src/core/grading/index.ts';
import type { Verdict } from '../../src/core/grading/verdict.ts';
import { seededRng } from '../../src/core/random/rng.ts';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const FIRST_CARD_FILE = '000_aa23e2add4713a5a.txt';

/** Parses card text and fails the test loudly when the card is broken or not graded numerically. */
export function cardFromText(text: string, file = 'test.md'): NumericCard {
  const parsed = parseCard(text, file, 'hash');
  if (!parsed.ok || parsed.card.grading !== 'numeric')
    throw new Error(`card is broken: ${JSON.stringify(parsed.problems)}`);
  return parsed.card;
}

export function shippedCard(file: string): NumericCard {
  return cardFromText(readFileSync(SEEDS_DIR + file, 'utf8'), file);
}

/** Grades with a fixed seed, so that a failure reproduces. */
export function grade(card: NumericCard, label: string, answer: string, seed = 7): Verdict {
  const part = findPart(card, label);
  if (part === undefined) throw new Error(`no part ${label}`);
  return gradeAnswer(card, part, answer, seededRng(seed));
}

/** Builds a card's text from a `check` block written as YAML lines. */
export function cardText(check: string, extra = ''): string {
  return `---\nid: test_card\ncourse: Test\ntags: [t]\ndifficulty: 2\ntype: derivation\n${extra}check:\n${check}\n---\n# Question\nDerive it.\n\n# Solution\nIt is so.\n`;
}
