import type { Card } from '../core/cards/card.ts';
import type { AppContext } from './context.ts';

export type NextReviewResult =
  /** The part due the longest; start a quiz on its card to review it. */
  | {
      readonly kind: 'due';
      readonly card: Card;
      readonly part: string;
      readonly due: Date;
      readonly dueCount: number;
    }
  /** Nothing due now; the next review, if any is scheduled. */
  | {
      readonly kind: 'none_due';
      readonly next?: { readonly card: Card; readonly part: string; readonly due: Date };
    };

/** The user's next card due for spaced repetition (FSRS), among the cards still in the catalog. */
export async function nextReview(ctx: AppContext, input: { userId: string }): Promise<NextReviewResult> {
  const now = ctx.clock.now();
  const scheduled = (await ctx.store.history.progress(input.userId))
    .flatMap((row) => {
      const card = ctx.catalog.get(row.cardId);
      return card && row.due ? [{ card, part: row.part, due: row.due }] : [];
    })
    .sort((a, b) => a.due.getTime() - b.due.getTime());
  const due = scheduled.filter((entry) => entry.due <= now);
  if (due[0]) return { kind: 'due', ...due[0], dueCount: due.length };
  return scheduled[0] ? { kind: 'none_due', next: scheduled[0] } : { kind: 'none_due' };
}
