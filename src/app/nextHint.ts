import type { AppContext, QuizLocation } from './context.ts';
import { currentPart } from './currentPart.ts';
import { afterHint, progressOf } from './partProgress.ts';
import { quizCard } from './quizCard.ts';
import { retryWhileStale, STALE } from './retryWhileStale.ts';

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
  const user = { id: input.userId, displayName: input.displayName };
  return retryWhileStale(ctx, input.userId, async (): Promise<NextHintResult | typeof STALE> => {
    const context = await ctx.store.answers.context({ userId: user.id, location: input, answering: false });
    const found = quizCard(ctx, context.quiz);
    if (found.kind !== 'found') return found;
    const { card } = found;
    if (card.grading === 'self') return { kind: 'flashcard' };
    const label = currentPart(card, context.solvedInQuiz);
    const part = card.parts.find((candidate) => candidate.label === label);
    if (!part) return { kind: 'quiz_finished' };
    const { before, expectedVersion } = progressOf(context.progress, {
      userId: user.id,
      cardId: card.id,
      part: part.label,
    });
    const text = part.hints[before.roundHints];
    if (text === undefined) return { kind: 'no_more_hints', part: part.label, total: part.hints.length };
    const written = await ctx.store.answers.takeHint({
      user,
      progress: { progress: afterHint(before), expectedVersion },
      moment: { guildId: found.quiz.guildId, channelId: found.quiz.channelId, at: ctx.clock.now() },
    });
    if (written === 'stale') return STALE;
    return { kind: 'hint', part: part.label, text, number: before.roundHints + 1, total: part.hints.length };
  });
}
