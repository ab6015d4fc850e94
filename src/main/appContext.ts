import { randomUUID } from 'node:crypto';

import type {
  AppContext,
  CardCatalog,
  Clock,
  Grader,
  Ids,
  Rng,
  Signer,
  StepGrader,
  Store,
  StoreDeps,
} from '../app/index.ts';
import type { NumericCard, Part } from '../core/cards/card.ts';
import { findPart, gradeAgainst, gradeAnswer } from '../core/grading/index.ts';
import { signAnswer } from '../core/grading/signature.ts';
import { createSerialQueue } from '../app/serialQueue.ts';
import { prepareStep, type Step } from '../core/steps/steps.ts';
import type { Verdict } from '../core/grading/verdict.ts';
import type { Config } from '../config.ts';

/** The core grader behind the application's `Grader` port. */
export function grader(card: NumericCard, label: string, input: string, rng: () => number): Verdict {
  const part = findPart(card, label);
  if (part === undefined) return { verdict: 'invalid', reason: { code: 'no_part', label } };
  return gradeAnswer(card, part, input, rng);
}

/** The core's step grader behind the application's `StepGrader` port. */
function stepGrader(card: NumericCard, part: Part, step: Step, input: string, rng: Rng): Verdict {
  const preparation = prepareStep(card, part, step, rng);
  return preparation.ok
    ? gradeAgainst(preparation.prepared, input)
    : { verdict: 'invalid', reason: { code: 'cannot_grade', subject: 'step' } };
}

/** The core's signature behind the application's `Signer` port. */
const signer: Signer = (card, label, input) => {
  const part = findPart(card, label);
  return part === undefined ? null : signAnswer(card, part, input);
};

/** What a composition root chooses; the rest defaults to the real clock, UUIDs, `Math.random` and the core graders. */
export interface AppOverrides {
  /** Builds the store on the application's own clock and ids. */
  readonly store: (deps: StoreDeps) => Store;
  readonly catalog: CardCatalog;
  readonly clock?: Clock;
  readonly ids?: Ids;
  readonly rng?: Rng;
  readonly grade?: Grader;
  readonly gradeStep?: StepGrader;
}

/**
 * The application context, wired in one place for `npm start`, the tests, the benches and the
 * harnesses: the store gets the same clock (and ids) as the use cases, so nothing keeps time of its own.
 */
export function createAppContext(
  config: Pick<Config, 'GRADQUIZ_ANSWERS_PER_MINUTE'>,
  overrides: AppOverrides,
): AppContext {
  const clock = overrides.clock ?? { now: () => new Date() };
  const ids = overrides.ids ?? randomUUID;
  return {
    store: overrides.store({ clock, ids }),
    catalog: overrides.catalog,
    clock,
    rng: overrides.rng ?? Math.random,
    grade: overrides.grade ?? grader,
    gradeStep: overrides.gradeStep ?? stepGrader,
    sign: signer,
    answersPerMinute: config.GRADQUIZ_ANSWERS_PER_MINUTE,
    perUser: createSerialQueue(),
  };
}
