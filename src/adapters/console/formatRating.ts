import type { RateCardResult } from '../../app/index.ts';
import { RATING_NAMES, type ReviewRating } from '../../core/scoring/index.ts';
import { alreadyRecorded } from './formatAnswer.ts';
import { cardGone, NO_OPEN_QUIZ } from './formatQuiz.ts';
import { when } from './formatReview.ts';

/** `/rate …`: what was recorded, and when the flashcard comes back. */
export function formatRating(result: RateCardResult): string {
  switch (result.kind) {
    case 'rated':
      return `Rated ${RATING_NAMES[result.attempt.rating as ReviewRating]} (no points for flashcards): ${result.card.id} comes back for review on ${when(result.due)}. /quiz starts another card.`;
    case 'duplicate':
      return alreadyRecorded(result.attempt);
    case 'no_quiz':
      return NO_OPEN_QUIZ;
    case 'card_unavailable':
      return cardGone(result.cardId);
    case 'not_flashcard':
      return 'This card is graded: type your answer instead. /rate is for flashcards.';
  }
}
