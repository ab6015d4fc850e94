import type { NumericCard, Part } from '../core/cards/card.ts';
import { stepsOf, type Step } from '../core/steps/steps.ts';
import type { AppContext, QuizLocation } from './context.ts';
import { currentPart } from './currentPart.ts';
import { quizCard } from './quizCard.ts';
import type { AnswerContext, QuizRecord } from './ports/index.ts';

export interface NextStepInput extends QuizLocation {
  readonly userId: string;
}

/** Where a user stands in the steps of their current part. */
export type NextStepResult =
  /** The first step they have not answered correctly in this quiz (`number` counts from 1). */
  | {
      readonly kind: 'step';
      readonly part: string;
      readonly step: Step;
      readonly number: number;
      readonly total: number;
    }
  /** Every step answered: what is left is to multiply them (the part's own answer). */
  | { readonly kind: 'steps_done'; readonly part: string; readonly total: number }
  /** The loss is written directly in the variable: there is no chain to walk through. */
  | { readonly kind: 'no_steps'; readonly part: string }
  | { readonly kind: 'no_quiz' }
  /** A flashcard has no derivation steps. */
  | { readonly kind: 'flashcard' }
  | { readonly kind: 'quiz_finished' }
  | { readonly kind: 'card_unavailable'; readonly cardId: string };

/**
 * The `part` an answer to a step is recorded under: `1:dl/dyhat`. It never equals a part label, so
 * a correct step does not count as solving the part.
 */
export function stepPartLabel(part: string, stepKey: string): string {
  return `${part}:${stepKey}`;
}

/** {@link nextStep}'s answer, with the quiz, card and part a step answer is graded against. */
export type LocatedStep =
  | (Extract<NextStepResult, { kind: 'step' }> & {
      readonly quiz: QuizRecord;
      readonly card: NumericCard;
      readonly cardPart: Part;
    })
  | Exclude<NextStepResult, { kind: 'step' }>;

/** The step a user is on, from what the store's answer context read. */
export function locateStep(
  ctx: AppContext,
  { quiz: read, solvedInQuiz: solved }: AnswerContext,
): LocatedStep {
  const found = quizCard(ctx, read);
  if (found.kind !== 'found') return found;
  const { quiz, card } = found;
  if (card.grading === 'self') return { kind: 'flashcard' };
  // Correct step answers are in `solved` too, under their `part:step` labels.
  const label = currentPart(card, solved);
  const cardPart = card.parts.find((candidate) => candidate.label === label);
  if (!cardPart) return { kind: 'quiz_finished' };
  const steps = stepsOf(card, cardPart);
  if (steps.length === 0) return { kind: 'no_steps', part: cardPart.label };
  const index = steps.findIndex((step) => !solved.has(stepPartLabel(cardPart.label, step.key)));
  if (index === -1) return { kind: 'steps_done', part: cardPart.label, total: steps.length };
  return {
    kind: 'step',
    part: cardPart.label,
    step: steps[index] as Step,
    number: index + 1,
    total: steps.length,
    quiz,
    card,
    cardPart,
  };
}

/** The next intermediate step (∂ℓ/∂ŷ, ∂ŷ/∂s, …) of the user's current part of the quiz. */
export async function nextStep(ctx: AppContext, input: NextStepInput): Promise<NextStepResult> {
  const context = await ctx.store.answers.context({
    userId: input.userId,
    location: input,
    answering: false,
  });
  const located = locateStep(ctx, context);
  if (located.kind !== 'step') return located;
  const { part, step, number, total } = located;
  return { kind: 'step', part, step, number, total };
}
