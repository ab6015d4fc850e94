import type { NextStepResult, SubmitStepResult } from '../../app/index.ts';
import { LOSS } from '../../core/cards/chain.ts';
import { printExpr } from '../../core/expr/print.ts';
import type { Step } from '../../core/steps/steps.ts';
import { alreadyRecorded, slowDown } from './formatAnswer.ts';
import { formatVerdict } from './formatVerdict.ts';
import { cardGone, FLASHCARD_ONLY, NO_OPEN_QUIZ } from './formatQuiz.ts';
import type { Style } from './style.ts';

/** What a step asks for: `∂ℓ/∂yhat, the derivative of ℓ = y * log(yhat) + … with respect to yhat alone`. */
function describeStep(step: Step): string {
  const of = step.of === LOSS ? 'ℓ' : step.of;
  // A layer's step goes through everything after `by` (δ, ∂ℓ/∂W), not one link with the rest held fixed.
  const how = step.through === 'loss' ? ', through the layers after it' : ' alone';
  return `${step.title}, the derivative of ${of} = ${printExpr(step.expr)} with respect to ${step.by}${how}`;
}

/** `/step`: the next step of the current part, or why there is none. */
export function formatNextStep(result: NextStepResult, style: Style): string {
  switch (result.kind) {
    case 'step':
      return [
        `${style.bold(`Step ${result.number} of ${result.total}`)} (part ${result.part}): ${describeStep(result.step)}.`,
        style.dim(`Answer it with /step answer:<expression> (steps earn no points).`),
      ].join('\n');
    case 'steps_done':
      return `You have answered all ${result.total} steps of part ${result.part}: multiply them (the chain rule), simplify, and send the result as your answer.`;
    case 'no_steps':
      return `Part ${result.part} has no intermediate steps: the loss is written directly in the variable.`;
    case 'no_quiz':
    case 'quiz_finished':
      return NO_OPEN_QUIZ;
    case 'card_unavailable':
      return cardGone(result.cardId);
    case 'flashcard':
      return FLASHCARD_ONLY;
  }
}

/** `/step answer:…`: the verdict on the step, then the next step or what is left to do. */
export function formatStepAnswer(
  result: SubmitStepResult,
  next: NextStepResult | undefined,
  style: Style,
): string {
  switch (result.kind) {
    case 'graded': {
      const lines = [
        style.dim(`Step ${result.number} of ${result.total} (part ${result.part}): ${result.step.title}`),
        formatVerdict(result.verdict, style),
      ];
      if (next !== undefined && result.verdict.verdict === 'correct')
        lines.push('', formatNextStep(next, style));
      return lines.join('\n');
    }
    case 'duplicate':
      return alreadyRecorded(result.attempt);
    case 'slow_down':
      return slowDown(result.limit);
    default:
      return formatNextStep(result, style);
  }
}
