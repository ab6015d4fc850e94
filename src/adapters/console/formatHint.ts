import type { NextHintResult, NextStepResult } from '../../app/index.ts';
import { cardGone, FLASHCARD_ONLY, NO_OPEN_QUIZ } from './formatQuiz.ts';
import { formatNextStep } from './formatStep.ts';
import type { Style } from './style.ts';

/**
 * `/hint`: the card's next hint; once they run out, the next step of the derivation (`step`, looked
 * up by the caller only then).
 */
export function formatHint(result: NextHintResult, step: NextStepResult | undefined, style: Style): string {
  switch (result.kind) {
    case 'hint':
      return [
        `${style.bold(`Hint ${result.number} of ${result.total}`)} (part ${result.part}): ${result.text}`,
        ...(result.number === 1 ? [style.dim('Each hint lowers the points of this part a little.')] : []),
      ].join('\n');
    case 'no_more_hints': {
      const lines = [
        result.total === 0
          ? `This card has no hints for part ${result.part}.`
          : `No more hints for part ${result.part} (you have seen all ${result.total}).`,
      ];
      if (step?.kind === 'step') lines.push('Take it step by step instead:', formatNextStep(step, style));
      else lines.push('/solution shows the worked solution (you give up the points of the parts left).');
      return lines.join('\n');
    }
    case 'no_quiz':
    case 'quiz_finished':
      return NO_OPEN_QUIZ;
    case 'card_unavailable':
      return cardGone(result.cardId);
    case 'flashcard':
      return FLASHCARD_ONLY;
  }
}
