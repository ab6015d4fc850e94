import type { CardProblem } from '../../core/cards/problem.ts';
import { feedbackWords } from './feedbackWords.ts';
import { sentence } from './words.ts';

/** A card problem for its author: a field's expression that does not read is told as a student would be. */
export const cardProblemWords = (problem: CardProblem): string =>
  problem.cause === undefined ? problem.message : sentence(feedbackWords(problem.cause));
