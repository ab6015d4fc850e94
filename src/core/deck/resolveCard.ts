import type { Card, CardInfo, NumericCard, SelfCard } from '../cards/card.ts';
import { buildNumericCard } from '../cards/parseCard.ts';
import type { CardProblem } from '../cards/problem.ts';
import { checkCard } from '../checking/checkCard.ts';
import { draftCheck } from '../drafting/draftCheck.ts';
import { seededRng } from '../random/rng.ts';

/**
 * What settling a card found, keyed by the card's content hash: a warm start reuses it instead of
 * proving again. Plain data, so an adapter can keep it in a file.
 */
export type CardMemo =
  | { readonly kind: 'written'; readonly errors: readonly CardProblem[] }
  | { readonly kind: 'drafted'; readonly block: Record<string, unknown> }
  | { readonly kind: 'undraftable'; readonly reason: string };

export interface Resolution {
  readonly card: Card;
  /** Errors of a written block (the card is served as a flashcard), warnings of a failed draft. */
  readonly problems: readonly CardProblem[];
  readonly memo?: CardMemo;
}

/** Every card's points are drawn from the same seed, so settling a deck is deterministic. */
const SEED = 1;

const isDerivation = (card: CardInfo) => card.type.toLowerCase() === 'derivation';

/**
 * Decides how a freshly read card is served: a written block must prove what it claims (or the
 * card becomes a flashcard), and a derivation written without one gets a block drafted from its
 * own text when that draft can be proven against its solution.
 */
export function resolveCard(card: Card, memo?: CardMemo): Resolution {
  if (card.grading === 'numeric') return settleWritten(card, memo?.kind === 'written' ? memo : undefined);
  if (card.check !== 'none' || !isDerivation(card)) return { card, problems: [] };
  if (memo?.kind === 'drafted') {
    const built = buildNumericCard(card, memo.block, 'drafted');
    if (built.ok) return { card: built.card, problems: [], memo };
  }
  if (memo?.kind === 'undraftable') return undraftable(card, memo.reason);
  const draft = draftCheck(card, seededRng(SEED));
  if (!draft.ok) return undraftable(card, draft.reason);
  const built = buildNumericCard(card, draft.block, 'drafted');
  if (!built.ok)
    return undraftable(card, `the drafted block does not read: ${built.problems[0]?.message ?? ''}`);
  return { card: built.card, problems: [], memo: { kind: 'drafted', block: draft.block } };
}

function settleWritten(card: NumericCard, memo?: { readonly errors: readonly CardProblem[] }): Resolution {
  const errors = memo?.errors ?? checkCard(card, seededRng(SEED));
  const first = errors[0];
  const resolved: Card =
    first === undefined ? card : demote(card, `its check block is wrong (${first.field}: ${first.message})`);
  return { card: resolved, problems: errors, memo: { kind: 'written', errors } };
}

function undraftable(card: SelfCard, reason: string): Resolution {
  const fallback = `no check block could be drafted: ${reason}`;
  return {
    card: { ...card, fallback },
    problems: [
      { file: card.file, field: 'check', message: `${fallback}; served as a flashcard`, warning: true },
    ],
    memo: { kind: 'undraftable', reason },
  };
}

function demote(card: NumericCard, fallback: string): SelfCard {
  const { vars: _v, given: _g, shapes: _s, aliases: _a, parts: _p, ...info } = card;
  return { ...info, grading: 'self', check: 'written', fallback };
}
