import type { SignRule } from '../cards/card.ts';

/** Words by which a card says both sign conventions are in use. */
const BOTH_CONVENTIONS =
  /sign convention|either sign|both signs|(?:either|both|other) conventions?|opposite sign|up to (?:a|the) sign|or (?:its|the) negati(?:ve|on)/i;

/**
 * `either` only when the card itself gives both signs — in words, or with formulas of each sign —
 * and `strict` otherwise: a student is not told a negated gradient is right unless the card is.
 */
export function signRule(
  cardText: string,
  signsGiven: { readonly plus: boolean; readonly minus: boolean },
): SignRule {
  return BOTH_CONVENTIONS.test(cardText) || (signsGiven.plus && signsGiven.minus) ? 'either' : 'strict';
}
