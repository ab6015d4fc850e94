import type { AppContext, QuizLocation } from './context.ts';
import { currentPart } from './currentPart.ts';
import { emptyProgress } from './emptyProgress.ts';
import { resolveQuiz } from './resolveQuiz.ts';

export interface NextHintInput extends QuizLocation {
  readonly userId: string;
  readonly displayName: string;
}

export type NextHintResult =
  | {
      readonly kind: 'hint';
      readonly part: string;
      readonly text: string;
      readonly number: number;
      readonly total: number;
    }
  | { readonly kind: 'no_more_hints'; readonly part: string; readonly total: number }
  | { readonly kind: 'no_quiz' }
  /** A flashcard has no hints: its solution is revealed whole. */
  | { readonly kind: 'flashcard' }
  | { readonly kind: 'quiz_finished' }
  | { readonly kind: 'card_unavailable'; readonly cardId: string };

/**
 * The next hint for the user's current part. Hints count against the part's points and its review
 * rating; they restart from the first after each solve (a new round).
 */
export async function nextHint(ctx: AppContext, input: NextHintInput): Promise<NextHintResult> {
  const quiz = await resolveQuiz(ctx.store, input);
  if (!quiz) return { kind: 'no_quiz' };
  const card = ctx.catalog.get(quiz.cardId);
  if (!card) return { kind: 'card_unavailable', cardId: quiz.cardId };
  if (card.grading === 'self') return { kind: 'flashcard' };
  const label = currentPart(card, await ctx.store.solvedPartsInQuiz(quiz.id, input.userId));
  const part = card.parts.find((candidate) => candidate.label === label);
  if (!part) return { kind: 'quiz_finished' };

  await ctx.store.ensureUser({ id: input.userId, displayName: input.displayName });
  return ctx.store.transaction(async (tx): Promise<NextHintResult> => {
    await tx.lockUser(input.userId);
    const progress =
      (await tx.getProgress(input.userId, card.id, part.label)) ??
      emptyProgress(input.userId, card.id, part.label);
    const text = part.hints[progress.roundHints];
    if (text === undefined) return { kind: 'no_more_hints', part: part.label, total: part.hints.length };
    await tx.saveProgress({
      ...progress,
      hintsUsed: progress.hintsUsed + 1,
      roundHints: progress.roundHints + 1,
      status: progress.status === 'to_learn' ? 'learning' : progress.status,
    });
    return {
      kind: 'hint',
      part: part.label,
      text,
      number: progress.roundHints + 1,
      total: part.hints.length,
    };
  });
}
