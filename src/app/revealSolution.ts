import type { Card } from '../core/cards/card.ts';
import type { AppContext, QuizLocation } from './context.ts';
import { afterGivingUp, progressOf } from './partProgress.ts';
import type { QuizRecord } from './ports/index.ts';
import { quizCard } from './quizCard.ts';
import { retryWhileStale, STALE } from './retryWhileStale.ts';

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
  const user = { id: input.userId, displayName: input.displayName };
  return retryWhileStale(ctx, input.userId, async (): Promise<RevealSolutionResult | typeof STALE> => {
    const context = await ctx.store.answers.context({ userId: user.id, location: input, answering: false });
    const found = quizCard(ctx, context.quiz);
    if (found.kind !== 'found') return found;
    const { quiz, card } = found;
    const solution = card.solution ? { solution: card.solution } : {};
    if (card.grading === 'self')
      return { kind: 'solution', quiz, card, ...solution, public: false, gaveUp: [] };

    const now = ctx.clock.now();
    const parts = card.parts.map((part) =>
      progressOf(context.progress, { userId: user.id, cardId: card.id, part: part.label }),
    );
    const given = parts.filter(({ before }) => before.solvedAt === null && !before.gaveUp);
    if (given.length > 0) {
      const written = await ctx.store.answers.giveUp({
        user,
        parts: given.map(({ before, expectedVersion }) => ({
          progress: afterGivingUp(before, now),
          expectedVersion,
        })),
        moment: { guildId: quiz.guildId, channelId: quiz.channelId, at: now },
      });
      if (written === 'stale') return STALE;
    }
    return {
      kind: 'solution',
      quiz,
      card,
      ...solution,
      public: parts.every(({ before }) => before.solvedAt !== null),
      gaveUp: given.map(({ before }) => before.part),
    };
  });
}
