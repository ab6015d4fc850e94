import type { Card } from '../core/cards/card.ts';

/** The first part of the card this user has not solved in this quiz (each student moves on their own). */
export function currentPart(card: Card, solvedInQuiz: ReadonlySet<string>): string | undefined {
  return card.parts.find((part) => !solvedInQuiz.has(part.label))?.label;
}
