import type { UserRef } from '../../app/context.ts';
import type {
  AnswerContext,
  AnswerContextQuery,
  AnswerStore,
  AttemptRecord,
  Ids,
  ProgressWrite,
  RateLimit,
  RecordAttemptResult,
  StudyEventRecord,
  StudyMoment,
} from '../../app/ports/index.ts';

/** One atomic write of a user's work, as every store must do it (see {@link AnswerStore}). */
export interface UserWrite {
  readonly user: UserRef;
  readonly attempt: AttemptRecord | null;
  readonly progress: readonly ProgressWrite[];
  readonly rateLimit: RateLimit | null;
  /** Hint and give-up events, written with the progress they change. */
  readonly events: readonly StudyEventRecord[];
}

export type WriteOutcome = 'recorded' | 'duplicate' | 'slow_down' | 'stale';

/** What a store provides for the {@link AnswerStore} port: one read and one write. */
interface AnswerBackend {
  context(query: AnswerContextQuery): Promise<AnswerContext>;
  write(write: UserWrite): Promise<WriteOutcome>;
  /** The attempt recorded under an externalId (a `duplicate` reports what it got). */
  attempt(externalId: string): Promise<AttemptRecord | null>;
}

function impossible(what: string): never {
  throw new Error(`the store reported ${what}, which this write cannot meet`);
}

/**
 * The {@link AnswerStore} port on a store's one read and one write: every method is that write with
 * some parts absent, so the stores agree by construction on what each method checks.
 */
export function answerStoreOn(backend: AnswerBackend, ids: Ids): AnswerStore {
  const withAttempt = async (
    write: Omit<UserWrite, 'attempt' | 'events'> & { attempt: Omit<AttemptRecord, 'id'> },
  ): Promise<RecordAttemptResult> => {
    const attempt: AttemptRecord = { id: ids(), ...write.attempt };
    const outcome = await backend.write({ ...write, attempt, events: [] });
    switch (outcome) {
      case 'recorded':
        return { kind: 'recorded', attempt };
      case 'duplicate': {
        const known = await backend.attempt(attempt.externalId);
        if (!known) throw new Error(`attempt ${attempt.externalId} reported as duplicate but not found`);
        return { kind: 'duplicate', attempt: known };
      }
      case 'slow_down':
        return { kind: 'slow_down' };
      case 'stale':
        return { kind: 'stale' };
    }
  };
  const progressOnly = async (
    user: UserRef,
    progress: readonly ProgressWrite[],
    kind: StudyEventRecord['kind'],
    { guildId, channelId, at }: StudyMoment,
  ) => {
    const events = progress.map(({ progress: { cardId, part } }) => ({
      kind,
      cardId,
      part,
      guildId,
      channelId,
      createdAt: at,
    }));
    const outcome = await backend.write({ user, attempt: null, progress, rateLimit: null, events });
    return outcome === 'recorded' || outcome === 'stale' ? outcome : impossible(outcome);
  };
  return {
    context: (query) => backend.context(query),
    recordAnswer: ({ user, attempt, progress, rateLimit }) =>
      withAttempt({ user, attempt, progress: [progress], rateLimit }),
    recordStep: async ({ user, attempt, rateLimit }) => {
      const result = await withAttempt({ user, attempt, progress: [], rateLimit });
      return result.kind === 'stale' ? impossible('stale') : result;
    },
    recordRating: async ({ user, attempt, progress }) => {
      const result = await withAttempt({ user, attempt, progress: [progress], rateLimit: null });
      return result.kind === 'slow_down' ? impossible('slow_down') : result;
    },
    takeHint: ({ user, progress, moment }) => progressOnly(user, [progress], 'hint', moment),
    giveUp: ({ user, parts, moment }) => progressOnly(user, parts, 'give_up', moment),
  };
}
