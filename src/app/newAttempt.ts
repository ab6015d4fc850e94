import type { NewAttempt, QuizRecord } from './ports/index.ts';

/** What a use case says about an attempt; the rest comes from its quiz or is the default. */
type AttemptFields = Pick<NewAttempt, 'externalId' | 'userId' | 'createdAt' | 'input' | 'part' | 'verdict'> &
  Partial<
    Pick<NewAttempt, 'isStep' | 'points' | 'mistake' | 'feedback' | 'rating' | 'signature' | 'solveTries'>
  >;

/** An attempt in a quiz: recorded under the quiz's server and channel (a step, a rating, an answer alike). */
export function newAttempt(quiz: QuizRecord, fields: AttemptFields): NewAttempt {
  return {
    cardId: quiz.cardId,
    quizId: quiz.id,
    guildId: quiz.guildId,
    channelId: quiz.channelId,
    isStep: false,
    points: 0,
    mistake: null,
    feedback: '',
    rating: null,
    signature: null,
    solveTries: null,
    ...fields,
  };
}
