import { isNumeric } from '../core/cards/card.ts';
import type { AppContext } from './context.ts';

export interface SignAttemptsResult {
  /** Attempts given their signature now. */
  readonly signed: number;
  /** Attempts that cannot have one: their card is gone or not graded, or their input cannot be evaluated. */
  readonly unsignable: number;
}

/** Attempts read per batch: a few hundred kB of input at a time. */
const BATCH = 1_000;

/**
 * The one-off backfill of signatures for answers recorded before they existed: the correct and incorrect
 * answers without one, in batches by id, signed from their `input` against today's cards. It can run any
 * number of times: an attempt already signed is never read again, nor changed.
 */
export async function signAttempts(ctx: AppContext, batch = BATCH): Promise<SignAttemptsResult> {
  let after: string | null = null;
  let signed = 0;
  let unsignable = 0;
  for (;;) {
    const page = await ctx.store.analytics.unsigned(after, batch);
    const last = page.at(-1);
    if (last === undefined) return { signed, unsignable };
    const signatures = page.flatMap((attempt) => {
      const card = ctx.catalog.get(attempt.cardId);
      const signature =
        card && isNumeric(card) ? ctx.sign(card, attempt.part, attempt.input)?.signature : undefined;
      if (signature === undefined) unsignable++;
      return signature === undefined ? [] : [{ id: attempt.id, signature }];
    });
    signed += await ctx.store.analytics.sign(signatures);
    after = last.id;
  }
}
