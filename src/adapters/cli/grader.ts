import type { NumericCard as Card, Part } from '../../core/cards/card.ts';
import { findPart, gradeAgainst, preparePart, type PreparedPart } from '../../core/grading/index.ts';
import type { Verdict } from '../../core/grading/verdict.ts';
import { seededRng } from '../../core/random/rng.ts';
import type { SeedBank } from '../seeds/loadSeeds.ts';

export type Lookup = { ok: true; card: Card; part: Part } | { ok: false; message: string };

/** Finds a card and part by what a user typed, with a message that says what exists when it fails. */
export function lookup(bank: SeedBank, cardId: string, label: string | undefined): Lookup {
  const card = bank.cards.find((c) => c.id === cardId);
  if (card === undefined) {
    const broken = bank.broken.find((b) => b.id === cardId);
    if (broken !== undefined)
      return {
        ok: false,
        message: `card "${cardId}" (${broken.file}) is broken: ${broken.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      };
    return { ok: false, message: `unknown card "${cardId}"` };
  }
  if (card.grading === 'self')
    return {
      ok: false,
      message: `card "${cardId}" is self-graded (a flashcard${card.fallback ? `: ${card.fallback}` : ''}): it has no answers to grade`,
    };
  const labels = card.parts.map((p) => p.label).join(', ');
  if (label === undefined) {
    if (card.parts.length === 1) return { ok: true, card, part: card.parts[0] as Part };
    return { ok: false, message: `card "${cardId}" has parts ${labels}: say which one` };
  }
  const part = findPart(card, label);
  if (part === undefined)
    return { ok: false, message: `card "${cardId}" has no part "${label}" (its parts: ${labels})` };
  return { ok: true, card, part };
}

/**
 * Grades many answers in one process. Each part's points are drawn once from the seed, so that
 * `--seed N` reproduces a run, and a batch pays for the reference once per part, not per answer.
 */
export class BatchGrader {
  private readonly prepared = new Map<Part, PreparedPart | string>();

  constructor(private readonly seed: number) {}

  grade(card: Card, part: Part, answer: string): Verdict | { error: string } {
    let prepared = this.prepared.get(part);
    if (prepared === undefined) {
      const preparation = preparePart(card, part, seededRng(this.seed));
      prepared = preparation.ok
        ? preparation.prepared
        : `card "${card.id}" cannot be graded: ${preparation.reason}`;
      this.prepared.set(part, prepared);
    }
    return typeof prepared === 'string' ? { error: prepared } : gradeAgainst(prepared, answer);
  }
}
