import { answerButton, answerModal } from './answerButton.ts';
import type { ComponentHandler } from './component.ts';
import { deleteDataButton } from './deleteDataButton.ts';
import { latexButton } from './latexButton.ts';
import { rateButton } from './rateButton.ts';
import { reviewButton } from './reviewButton.ts';
import { showAnswerButton } from './showAnswerButton.ts';

export type { ComponentHandler } from './component.ts';

/** Every button and modal of the bot, by custom-id prefix. */
export const COMPONENTS: readonly ComponentHandler[] = [
  answerButton,
  answerModal,
  reviewButton,
  deleteDataButton,
  latexButton,
  showAnswerButton,
  rateButton,
];
