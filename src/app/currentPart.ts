import { partLabels, type Card } from '../core/cards/card.ts';

/** The first part of the card this user has not solved in this quiz (each student moves on their own). */
export function currentPart(card: Card, solvedInQuiz: ReadonlySet<string>): string | undefined {
  return partLabels(card).find((label) => !solvedInQuiz.has(label));
}
