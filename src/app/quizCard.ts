import type { Card } from '../core/cards/card.ts';
import type { AppContext } from './context.ts';
import type { QuizRecord } from './ports/index.ts';

export type QuizCard =
  | { readonly kind: 'found'; readonly quiz: QuizRecord; readonly card: Card }
  | { readonly kind: 'no_quiz' }
  /** The quiz's card is no longer in the seeds. */
  | { readonly kind: 'card_unavailable'; readonly cardId: string };

/** The quiz a command is about with its card from the catalog, or why there is none. */
export function quizCard(ctx: AppContext, quiz: QuizRecord | null): QuizCard {
  if (!quiz) return { kind: 'no_quiz' };
  const card = ctx.catalog.get(quiz.cardId);
  return card ? { kind: 'found', quiz, card } : { kind: 'card_unavailable', cardId: quiz.cardId };
}
