import type { CardInfo } from '../cards/card.ts';
import type { Rng } from '../random/rng.ts';

/** A check block drafted from a card's own text and proven against its solution, or why not. */
export type DraftOutcome =
  | {
      readonly ok: true;
      /** The block as it would be written in the front matter (plain data, for YAML). */
      readonly block: Record<string, unknown>;
      /** Per part, the solution formula the draft was proven against. */
      readonly provenAgainst: readonly { readonly label: string; readonly formula: string }[];
    }
  | { readonly ok: false; readonly reason: string };

/** Drafts and proves a check block for a `type: derivation` card written without one. */
export function draftCheck(card: CardInfo, rng: Rng): DraftOutcome {
  void card;
  void rng;
  return { ok: false, reason: 'drafting is not available yet' };
}
