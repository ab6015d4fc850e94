import type { Card, NumericCard, Part } from '../../core/cards/card.ts';
import type { SignedAnswer } from '../../core/grading/signature.ts';
import type { Verdict } from '../../core/grading/verdict.ts';
import type { Rng } from '../../core/random/rng.ts';
import type { Step } from '../../core/steps/steps.ts';

export type { Rng };

/** The time, injected so that tests fix it. */
export interface Clock {
  now(): Date;
}

/** New record ids (a UUID in production), injected so that tests and the store agree on them. */
export type Ids = () => string;

/** The cards loaded from the seeds (only the cards that load: broken ones are reported elsewhere). */
export interface CardCatalog {
  get(id: string): Card | undefined;
  all(): readonly Card[];
}

/** The core grader (`gradeAnswer` of `src/core/grading`), injected so use cases can be tested alone. */
export type Grader = (card: NumericCard, partLabel: string, input: string, rng: Rng) => Verdict;

/** The core's grader of an intermediate step (`src/core/steps`), injected like {@link Grader}. */
export type StepGrader = (card: NumericCard, part: Part, step: Step, input: string, rng: Rng) => Verdict;

/**
 * The core's signature of an answer to a part (`signAnswer` of `src/core/grading`): null when it cannot be
 * read or evaluated, or the part does not exist.
 */
export type Signer = (card: NumericCard, partLabel: string, input: string) => SignedAnswer | null;
