import { partLabels, type Card } from '../core/cards/card.ts';
import { progressStatus, reviewRating, scheduleReview } from '../core/scoring/index.ts';
import type { AppContext, QuizLocation } from './context.ts';
import { emptyProgress } from './emptyProgress.ts';
import type { QuizRecord } from './ports.ts';
import { resolveQuiz } from './resolveQuiz.ts';

export interface RevealSolutionInput extends QuizLocation {
  readonly userId: string;
  readonly displayName: string;
}

export type RevealSolutionResult =
  | {
      readonly kind: 'solution';
      readonly quiz: QuizRecord;
      readonly card: Card;
      /** The card's `# Solution` section; absent when the card has none. */
      readonly solution?: string;
      /** The user had solved every part: the solution may be shown to everyone. */
      readonly public: boolean;
      /** Parts given up by this reveal: they earn no more points. */
      readonly gaveUp: readonly string[];
    }
  | { readonly kind: 'no_quiz' }
  | { readonly kind: 'card_unavailable'; readonly cardId: string };

/**
 * Reveals the quiz card's solution. A user who had not solved every part gives up the rest: no more
 * points for them, and each is an FSRS review rated `again`. A flashcard's solution is always
 * revealed privately and costs nothing: the student rates their recall next ({@link rateCard}).
 */
export async function revealSolution(
  ctx: AppContext,
  input: RevealSolutionInput,
): Promise<RevealSolutionResult> {
  const quiz = await resolveQuiz(ctx.store, input);
  if (!quiz) return { kind: 'no_quiz' };
  const card = ctx.catalog.get(quiz.cardId);
  if (!card) return { kind: 'card_unavailable', cardId: quiz.cardId };
  const solution = card.solution ? { solution: card.solution } : {};
  if (card.grading === 'self')
    return { kind: 'solution', quiz, card, ...solution, public: false, gaveUp: [] };
  await ctx.store.ensureUser({ id: input.userId, displayName: input.displayName });
  const now = ctx.clock.now();

  const gaveUp = await ctx.store.transaction(async (tx) => {
    await tx.lockUser(input.userId);
    const given: string[] = [];
    for (const part of card.parts) {
      const before =
        (await tx.getProgress(input.userId, card.id, part.label)) ??
        emptyProgress(input.userId, card.id, part.label);
      if (before.solvedAt !== null || before.gaveUp) continue;
      const review = scheduleReview(
        before,
        reviewRating({ solved: false, wrong: before.roundWrong, hints: before.roundHints }),
        now,
      );
      await tx.saveProgress({
        ...before,
        ...review,
        gaveUp: true,
        roundWrong: 0,
        roundHints: 0,
        status: progressStatus({ attempts: before.attempts + 1, solved: false, stability: review.stability }),
      });
      given.push(part.label);
    }
    return given;
  });
  const progress = await ctx.store.listProgress(input.userId);
  const solved = partLabels(card).every((label) =>
    progress.some((row) => row.cardId === card.id && row.part === label && row.solvedAt !== null),
  );
  return {
    kind: 'solution',
    quiz,
    card,
    ...solution,
    public: solved,
    gaveUp,
  };
}
