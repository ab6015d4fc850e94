import type { NextReviewResult } from '../../app/index.ts';
import { plural } from '../text/plural.ts';

/** A date and time for people: `2026-03-04 12:00 UTC`. */
export const when = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** `/review`: what is due (the session then starts that card), or when the next review comes. */
export function formatReview(result: NextReviewResult): string {
  if (result.kind === 'due') {
    const others = result.dueCount - 1;
    return (
      `Review: part ${result.part} of ${result.card.id} has been due since ${when(result.due)}` +
      (others > 0 ? ` (${plural(others, 'more part')} due).` : '.')
    );
  }
  if (result.next === undefined) {
    return 'Nothing to review yet: a part you solve comes back here when it is due.';
  }
  return `Nothing is due for review. Next: part ${result.next.part} of ${result.next.card.id}, on ${when(result.next.due)}.`;
}
