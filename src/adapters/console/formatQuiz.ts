import type { Card } from '../../core/cards/card.ts';
import type { Style } from './style.ts';

export const NO_OPEN_QUIZ = 'no open quiz: /quiz to start one';

export const FLASHCARD_RATING =
  'How well did you recall it? /rate again, /rate hard, /rate good or /rate easy (or 1–4).';

/** What a flashcard answers to everything but /solution and /rate. */
export const FLASHCARD_ONLY = `This card is a flashcard: there is nothing to type or to hint. /solution shows the answer; then rate your recall with /rate.`;

export const cardGone = (cardId: string) =>
  `The card ${cardId} is no longer in the seeds: /quiz to start another one.`;

/** `Part 1 of 2: Derive the gradient …` */
export function formatPartPrompt(card: Card, label: string, style: Style): string {
  if (card.grading === 'self') return FLASHCARD_ONLY;
  const index = card.parts.findIndex((part) => part.label === label);
  const prompt = card.parts[index]?.prompt ?? '';
  const count = card.parts.length;
  const which =
    count === 1 ? 'Task' : label === String(index + 1) ? `Part ${label} of ${count}` : `Part ${label}`;
  return `${style.bold(`${which}:`)} ${prompt}`;
}

/**
 * A card as a quiz opens: what it is, its question as written (Markdown) with the line that says
 * where its image is (if drawn), and the first part.
 */
export function formatQuiz(card: Card, alreadySolved: boolean, style: Style, image?: string): string {
  const lines = [
    style.bold(`Quiz: ${card.id}`) + ` · ${card.course} · difficulty ${card.difficulty}/5`,
    style.dim(`tags: ${card.tags.join(', ')}`),
  ];
  if (alreadySolved)
    lines.push('You solved this card before: this round is practice, it earns no new points.');
  lines.push('', card.question.trim(), ...(image ? [image] : []), '');
  if (card.grading === 'self')
    lines.push(
      style.bold('Flashcard:') + ' recall the answer, then /solution shows it and you rate yourself.',
      style.dim(FLASHCARD_RATING),
    );
  else
    lines.push(
      formatPartPrompt(card, card.parts[0]?.label ?? '1', style),
      style.dim('Type your answer on one line. /hint, /step and /solution help; /help shows the notation.'),
    );
  return lines.join('\n');
}
