import type { AttemptRecord, SubmitAnswerResult } from '../../app/index.ts';
import { partLabels, type Card } from '../../core/cards/card.ts';
import { formatVerdict, INDENT } from './formatVerdict.ts';
import { cardGone, FLASHCARD_ONLY, formatPartPrompt, NO_OPEN_QUIZ } from './formatQuiz.ts';
import type { Style } from './style.ts';
import { plural } from '../text/plural.ts';

export const alreadyRecorded = (attempt: AttemptRecord) =>
  `This answer was recorded already (${attempt.verdict}).`;

export const slowDown = (limit: number) =>
  `Slow down: at most ${plural(limit, 'graded answer')} a minute (GRADQUIZ_ANSWERS_PER_MINUTE). Wait a little and send it again.`;

/** What a graded answer earned, in words: points, practice, or nothing after giving up. */
function earned(result: Extract<SubmitAnswerResult, { kind: 'graded' }>): string {
  if (result.points > 0) return `+${plural(result.points, 'point')}`;
  if (result.firstSolve) return 'no points: you revealed the solution first';
  return 'practice, no new points';
}

/**
 * The reply to an answer: its verdict (with the line that says where the read-back image is, if
 * drawn), and after a solve what it earned and what comes next.
 */
export function formatAnswer(
  result: SubmitAnswerResult,
  card: Card,
  style: Style,
  readBack?: string,
): string {
  switch (result.kind) {
    case 'graded': {
      const lines = [formatVerdict(result.verdict, style)];
      if (readBack) lines.push(`${INDENT}${readBack}`);
      if (result.verdict.verdict !== 'correct') return lines.join('\n');
      const part = result.attempt.part;
      const solved = partLabels(card).length === 1 ? 'Solved' : `Part ${part} solved`;
      lines.push(`${INDENT}${solved} (${earned(result)}).`);
      if (result.nextPart !== null) lines.push('', formatPartPrompt(card, result.nextPart, style));
      else
        lines.push(
          '',
          `${style.bold(`Card ${result.attempt.cardId} done.`)} /solution shows the worked solution, /quiz starts another card.`,
        );
      return lines.join('\n');
    }
    case 'duplicate':
      return alreadyRecorded(result.attempt);
    case 'slow_down':
      return slowDown(result.limit);
    case 'no_quiz':
    case 'quiz_finished':
      return NO_OPEN_QUIZ;
    case 'card_unavailable':
      return cardGone(result.cardId);
    case 'flashcard':
      return FLASHCARD_ONLY;
    case 'unknown_part':
      return `This card has no part ${result.part} (parts: ${result.parts.join(', ')}).`;
  }
}
