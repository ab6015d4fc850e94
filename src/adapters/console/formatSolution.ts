import type { RevealSolutionResult } from '../../app/index.ts';
import { cardGone, FLASHCARD_RATING, NO_OPEN_QUIZ } from './formatQuiz.ts';
import type { Style } from './style.ts';

/**
 * `/solution`: the card's worked solution (Markdown as written), the line that says where its image
 * is (if drawn), and each part's answer in our notation.
 */
export function formatSolution(result: RevealSolutionResult, style: Style, image?: string): string {
  switch (result.kind) {
    case 'solution': {
      const { card } = result;
      const lines = [
        style.bold(`Solution of ${card.id}`),
        '',
        result.solution?.trim() ?? '(This card has no written solution.)',
        ...(image ? [image] : []),
        '',
      ];
      if (card.grading === 'self') {
        lines.push(FLASHCARD_RATING);
        return lines.join('\n');
      }
      lines.push(
        ...card.parts.map((part) =>
          card.parts.length === 1
            ? `Answer: ${part.answerSource}`
            : `Answer to part ${part.label}: ${part.answerSource}`,
        ),
      );
      if (result.gaveUp.length > 0) {
        lines.push(
          '',
          style.dim(
            `You gave up part${result.gaveUp.length === 1 ? '' : 's'} ${result.gaveUp.join(', ')}: no more points for ${result.gaveUp.length === 1 ? 'it' : 'them'}, but you may still answer, for practice.`,
          ),
        );
      }
      return lines.join('\n');
    }
    case 'no_quiz':
      return NO_OPEN_QUIZ;
    case 'card_unavailable':
      return cardGone(result.cardId);
  }
}
