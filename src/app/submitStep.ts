import { gradeAgainst, type Verdict } from '../core/grading/index.ts';
import { prepareStep, type Step } from '../core/steps/steps.ts';
import type { AppContext, QuizLocation, UserRef } from './context.ts';
import { locateStep, stepPartLabel, type NextStepResult } from './nextStep.ts';
import type { AttemptRecord, StoreTransaction } from './ports.ts';

export interface SubmitStepInput extends QuizLocation {
  /** Names the answer's source, as for {@link submitAnswer}: a redelivery counts once. */
  readonly externalId: string;
  readonly user: UserRef;
  readonly input: string;
}

export type SubmitStepResult =
  | {
      readonly kind: 'graded';
      readonly attempt: AttemptRecord;
      readonly verdict: Verdict;
      readonly part: string;
      readonly step: Step;
      readonly number: number;
      readonly total: number;
    }
  | { readonly kind: 'duplicate'; readonly attempt: AttemptRecord }
  | { readonly kind: 'slow_down'; readonly limit: number }
  | Exclude<NextStepResult, { kind: 'step' }>;

const MINUTE_MS = 60_000;

/**
 * Grades an answer to the next step of the user's current part and records it as an attempt with
 * `isStep` (part `1:dl/dyhat`). Steps are practice on the way to the part: no points, no change to
 * progress or the review schedule — only the rate limit applies, as for any graded answer.
 */
export async function submitStep(ctx: AppContext, input: SubmitStepInput): Promise<SubmitStepResult> {
  const known = await ctx.store.findAttempt(input.externalId);
  if (known) return { kind: 'duplicate', attempt: known };
  const located = await locateStep(ctx, { ...input, userId: input.user.id });
  if (located.kind !== 'step') return located;
  const { quiz, card, cardPart, step, part, number, total } = located;

  await ctx.store.ensureUser(input.user);
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - MINUTE_MS);
  const overLimit = (tx: StoreTransaction) =>
    tx.countAttemptsSince(input.user.id, since).then((count) => count >= ctx.answersPerMinute);
  // Before grading, so that a flood costs a read each; checked again under the user's lock below.
  if (await ctx.store.transaction(overLimit)) return { kind: 'slow_down', limit: ctx.answersPerMinute };
  const preparation = prepareStep(card, cardPart, step, ctx.rng);
  const verdict: Verdict = preparation.ok
    ? gradeAgainst(preparation.prepared, input.input)
    : { verdict: 'invalid', feedback: `This step cannot be graded: ${preparation.reason}.` };

  return ctx.store.transaction(async (tx): Promise<SubmitStepResult> => {
    await tx.lockUser(input.user.id);
    const again = await tx.findAttempt(input.externalId);
    if (again) return { kind: 'duplicate', attempt: again };
    if (await overLimit(tx)) return { kind: 'slow_down', limit: ctx.answersPerMinute };
    const attempt = await tx.insertAttempt({
      externalId: input.externalId,
      verdict: verdict.verdict,
      input: input.input,
      cardId: card.id,
      part: stepPartLabel(part, step.key),
      isStep: true,
      userId: input.user.id,
      createdAt: now,
      quizId: quiz.id,
      guildId: quiz.guildId,
      channelId: quiz.channelId,
      points: 0,
      mistake: verdict.mistake ?? null,
      feedback: verdict.feedback,
      rating: null,
    });
    return { kind: 'graded', attempt, verdict, part, step, number, total };
  });
}
