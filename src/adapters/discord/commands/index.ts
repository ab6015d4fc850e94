import { answerCommand } from './answer.ts';
import type { SlashCommand } from './command.ts';
import { helpCommand } from './help.ts';
import { hintCommand } from './hint.ts';
import { leaderboardCommand } from './leaderboard.ts';
import { privacyCommand } from './privacy.ts';
import { progressCommand } from './progress.ts';
import { quizCommand } from './quiz.ts';
import { quizadminCommand } from './quizadmin.ts';
import { reviewCommand } from './review.ts';
import { solutionCommand } from './solution.ts';
import { stepCommand } from './step.ts';

export type { SlashCommand } from './command.ts';

/** Every slash command of the bot, in the order Discord lists them. */
export const COMMANDS: readonly SlashCommand[] = [
  quizCommand,
  answerCommand,
  hintCommand,
  stepCommand,
  solutionCommand,
  leaderboardCommand,
  progressCommand,
  reviewCommand,
  helpCommand,
  privacyCommand,
  quizadminCommand,
];
