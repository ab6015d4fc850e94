import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

import {
  leaderboard,
  nextHint,
  nextReview,
  nextStep,
  progress,
  stats,
  rateCard,
  revealSolution,
  startQuiz,
  submitAnswer,
  submitStep,
  type AppContext,
  type QuizRecord,
  type UserRef,
  closeQuiz,
} from '../../app/index.ts';
import { partLabels, type Card } from '../../core/cards/card.ts';
import { formatAnswer } from './formatAnswer.ts';
import { formatCards } from './formatCards.ts';
import { formatGreeting, type GreetingFacts } from './formatGreeting.ts';
import { formatHelp } from './formatHelp.ts';
import { formatHint } from './formatHint.ts';
import { imageLine, type ConsoleImages } from './images.ts';
import { readBackTex } from '../../core/cards/readBackTex.ts';
import { formatLeaderboard } from './formatLeaderboard.ts';
import { formatProgress } from './formatProgress.ts';
import { formatStats } from './formatStats.ts';
import { formatQuiz, NO_OPEN_QUIZ } from './formatQuiz.ts';
import { formatReview } from './formatReview.ts';
import { formatSolution } from './formatSolution.ts';
import { formatRating } from './formatRating.ts';
import type { ReviewRating } from '../../core/scoring/index.ts';
import { formatNextStep, formatStepAnswer } from './formatStep.ts';
import { parseLine, type ConsoleCommand, type QuizFilters } from './parseLine.ts';
import { createStyle } from './style.ts';

/** The practice mode is one server with one channel, as the application layer sees it. */
const CONSOLE_GUILD_ID = 'local';
const CONSOLE_CHANNEL_ID = 'console';

export interface ConsoleSessionOptions {
  readonly app: AppContext;
  readonly user: UserRef;
  readonly input: Readable;
  readonly output: Writable;
  readonly greeting: Omit<GreetingFacts, 'user'>;
  /** A person at a terminal: line editing and a prompt. A piped session gets neither. */
  readonly interactive: boolean;
  readonly color: boolean;
  /** Draws the question, the solution and incorrect answers' read-back into files; none: no images. */
  readonly images?: ConsoleImages;
}

/** The quiz of this session: answers go to it; `part` is null once every part is solved. */
interface CurrentQuiz {
  readonly quiz: QuizRecord;
  readonly card: Card;
  part: string | null;
}

function describeFilters(filters: QuizFilters): string {
  const words = [
    filters.tag !== undefined ? `tag:${filters.tag}` : undefined,
    filters.course !== undefined ? `course:"${filters.course}"` : undefined,
    filters.difficulty !== undefined ? `difficulty:${filters.difficulty}` : undefined,
  ];
  return words.filter(Boolean).join(' ');
}

/**
 * Runs the practice mode over a stream of lines until `/quit` or the end of input: one command or
 * answer per line (SPEC section 2), every reply written to `output`. Resolves once the session is
 * over; the caller closes the store.
 */
export async function runConsoleSession(options: ConsoleSessionOptions): Promise<void> {
  const { app, user, output, images } = options;
  const style = createStyle(options.color);
  const where = { guildId: CONSOLE_GUILD_ID, channelId: CONSOLE_CHANNEL_ID };
  let current: CurrentQuiz | undefined;

  const say = (text: string) => output.write(`${text}\n\n`);
  const at = () => ({ ...where, quizId: current?.quiz.id });
  const asker = () => ({ ...at(), userId: user.id, displayName: user.displayName });
  /** Answers, hints and steps need a part to work on. */
  const open = () => (current?.part ? current : undefined);

  // A finished or replaced quiz is closed, so that the store's open quizzes stay the ones in use.
  async function leave(): Promise<void> {
    if (current?.part) await closeQuiz(app, current.quiz.id);
  }

  async function start(filters: QuizFilters): Promise<string> {
    const started = await startQuiz(app, { user, ...where, ...filters });
    switch (started.kind) {
      case 'started':
        await leave();
        current = { quiz: started.quiz, card: started.card, part: partLabels(started.card)[0] ?? null };
        return formatQuiz(
          started.card,
          started.alreadySolved,
          style,
          images && (await imageLine('image', () => images.question(started.card), style)),
        );
      case 'unknown_card': {
        const wanted = started.cardId.toLowerCase();
        const near = app.catalog
          .all()
          .map((card) => card.id)
          .filter((id) => id.toLowerCase().includes(wanted))
          .slice(0, 5);
        return `There is no card "${started.cardId}".${near.length > 0 ? ` Did you mean ${near.join(', ')}?` : ''} /cards lists them.`;
      }
      case 'no_match':
        return `No card matches ${describeFilters(filters)}: /cards lists the cards with their tags.`;
      case 'channel_not_allowed':
        return 'An admin has restricted quizzes to other channels of the local server.';
    }
  }

  async function answer(expression: string): Promise<string> {
    const ongoing = open();
    if (!ongoing) return NO_OPEN_QUIZ;
    const result = await submitAnswer(app, {
      ...at(),
      externalId: `console:${randomUUID()}`,
      user,
      input: expression,
    });
    if (result.kind === 'graded') ongoing.part = result.nextPart;
    if (result.kind === 'quiz_finished') ongoing.part = null;
    if (ongoing.part === null) await closeQuiz(app, ongoing.quiz.id);
    // The read-back goes with an incorrect answer, where a misreading would explain the verdict.
    const tex =
      images && result.kind === 'graded' && result.verdict.verdict === 'incorrect'
        ? readBackTex(ongoing.card, expression)
        : undefined;
    const readBack =
      images && tex !== undefined
        ? await imageLine('read-back image', () => images.readBack(tex), style)
        : undefined;
    return formatAnswer(result, ongoing.card, style, readBack);
  }

  async function step(expression: string | undefined): Promise<string> {
    if (!open()) return NO_OPEN_QUIZ;
    if (expression === undefined) return formatNextStep(await nextStep(app, asker()), style);
    const result = await submitStep(app, {
      ...at(),
      externalId: `console:${randomUUID()}`,
      user,
      input: expression,
    });
    const solved = result.kind === 'graded' && result.verdict.verdict === 'correct';
    return formatStepAnswer(result, solved ? await nextStep(app, asker()) : undefined, style);
  }

  async function hint(): Promise<string> {
    if (!open()) return NO_OPEN_QUIZ;
    const result = await nextHint(app, asker());
    const offer = result.kind === 'no_more_hints' ? await nextStep(app, asker()) : undefined;
    return formatHint(result, offer, style);
  }

  async function solution(): Promise<string> {
    if (!current) return NO_OPEN_QUIZ;
    const result = await revealSolution(app, asker());
    const image =
      images && result.kind === 'solution' && result.solution?.trim()
        ? await imageLine('image', () => images.solution(result.card), style)
        : undefined;
    return formatSolution(result, style, image);
  }

  async function rate(rating: ReviewRating): Promise<string> {
    const ongoing = open();
    if (!ongoing) return NO_OPEN_QUIZ;
    const result = await rateCard(app, { ...at(), externalId: `console:${randomUUID()}`, user, rating });
    if (result.kind === 'rated') {
      ongoing.part = null;
      await closeQuiz(app, ongoing.quiz.id);
    }
    return formatRating(result);
  }

  async function review(): Promise<string> {
    const due = await nextReview(app, { userId: user.id });
    if (due.kind !== 'due') return formatReview(due);
    return `${formatReview(due)}\n\n${await start({ cardId: due.card.id })}`;
  }

  /** The reply to one command; undefined when there is nothing to say. */
  async function handle(command: ConsoleCommand): Promise<string | undefined> {
    switch (command.kind) {
      case 'blank':
      case 'quit':
        return undefined;
      case 'answer':
        return answer(command.expression);
      case 'quiz':
        return start(command.filters);
      case 'hint':
        return hint();
      case 'step':
        return step(command.answer);
      case 'solution':
        // Also after the last part: comparing with the worked solution is what one does then.
        return solution();
      case 'progress':
        // A user who has not answered yet is not in the store: their name comes from here.
        return formatProgress(
          {
            displayName: user.displayName,
            ...(await progress(app, { userId: user.id, guildId: where.guildId })),
          },
          style,
        );
      case 'stats': {
        const own = await stats(app, { guildId: where.guildId, userId: user.id });
        return own.kind === 'stats' ? formatStats(own.report, style) : undefined;
      }
      case 'leaderboard': {
        const { period, scope } = command;
        const board = await leaderboard(app, {
          ...where,
          userId: user.id,
          ...(period ? { period } : {}),
          ...(scope ? { scope } : {}),
        });
        return formatLeaderboard(board, user.id, style);
      }
      case 'rate':
        return rate(command.rating);
      case 'review':
        return review();
      case 'cards':
        return formatCards(app.catalog.all(), style);
      case 'help':
        return formatHelp(style);
      case 'mistyped':
        return command.message;
    }
  }

  const lines = createInterface({
    input: options.input,
    crlfDelay: Infinity,
    ...(options.interactive ? { output, terminal: true } : { terminal: false }),
  });
  const prompt = () => {
    if (!options.interactive) return;
    lines.setPrompt(current?.part ? `${current.card.id} · part ${current.part}> ` : '> ');
    lines.prompt();
  };

  // A reader that went away (`npm start | head`) ends the session as the end of input does.
  output.on('error', () => lines.close());

  say(formatGreeting({ ...options.greeting, user: user.displayName }, style));
  prompt();
  try {
    for await (const line of lines) {
      const command = parseLine(line);
      if (command.kind === 'quit') break;
      try {
        const reply = await handle(command);
        if (reply !== undefined) say(reply);
      } catch (error) {
        // One failed command (a lost database connection) should not end a study session.
        say(`Something went wrong: ${error instanceof Error ? error.message : String(error)}`);
      }
      prompt();
    }
  } finally {
    lines.close();
    await leave();
  }
  // At a terminal, Ctrl-D leaves the cursor on the prompt line.
  output.write(`${options.interactive ? '\n' : ''}Bye, ${user.displayName}: your progress is saved.\n`);
}
