import { reasonCode, type Verdict } from '../core/grading/index.ts';
import type { Step } from '../core/steps/steps.ts';
import type { AppContext, QuizLocation, UserRef } from './context.ts';
import { newAttempt } from './newAttempt.ts';
import { locateStep, stepPartLabel, type NextStepResult } from './nextStep.ts';
import type { AttemptRecord } from './ports/index.ts';
import { rateLimitAt } from './rateLimit.ts';

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

/**
 * Grades an answer to the next step of the user's current part and records it as an attempt with
 * `isStep` (part `1:dl/dyhat`). Steps are practice on the way to the part: no points, no change to
 * progress or the review schedule — only the rate limit applies, as for any graded answer.
 */
export async function submitStep(ctx: AppContext, input: SubmitStepInput): Promise<SubmitStepResult> {
  const now = ctx.clock.now();
  const rateLimit = rateLimitAt(ctx, now);
  const context = await ctx.store.answers.context({
    userId: input.user.id,
    location: input,
    answering: false,
    externalId: input.externalId,
    attemptsSince: rateLimit.since,
  });
  if (context.duplicate) return { kind: 'duplicate', attempt: context.duplicate };
  const located = locateStep(ctx, context);
  if (located.kind !== 'step') return located;
  // Before grading, so that a flood costs a read each; the write checks again under the user's lock.
  if (context.recentAttempts >= rateLimit.limit) return { kind: 'slow_down', limit: rateLimit.limit };
  const { quiz, card, cardPart, step, part, number, total } = located;
  const verdict = ctx.gradeStep(card, cardPart, step, input.input, ctx.rng);

  const recorded = await ctx.store.answers.recordStep({
    user: input.user,
    attempt: newAttempt(quiz, {
      externalId: input.externalId,
      userId: input.user.id,
      createdAt: now,
      input: input.input,
      part: stepPartLabel(part, step.key),
      verdict: verdict.verdict,
      isStep: true,
      mistake: verdict.mistake ?? null,
      feedback: reasonCode(verdict.reason),
    }),
    rateLimit,
  });
  switch (recorded.kind) {
    case 'recorded':
      return { kind: 'graded', attempt: recorded.attempt, verdict, part, step, number, total };
    case 'duplicate':
      return { kind: 'duplicate', attempt: recorded.attempt };
    case 'slow_down':
      return { kind: 'slow_down', limit: rateLimit.limit };
  }
}
