import type {
  AttemptRecord,
  LeaderboardResult,
  NextHintResult,
  NextReviewResult,
  NextStepResult,
  PartStats,
  ProgressReport,
  RateCardResult,
  RevealSolutionResult,
  StatsReport,
  StartQuizResult,
  SubmitAnswerResult,
  SubmitStepResult,
} from '../../app/index.ts';
import { isNumeric, type Card, type SelfCard } from '../../core/cards/card.ts';
import type { ReviewRating } from '../../core/scoring/index.ts';
import type { Verdict } from '../../core/grading/verdict.ts';
import { feedbackWords } from '../text/feedbackWords.ts';
import { VERDICT_EMOJI, VERDICT_WORDS } from '../text/verdictLine.ts';
import { sentence } from '../text/words.ts';
import { plural } from '../text/plural.ts';

/**
 * Every word the bot says, in one table: use-case results in, Discord text out. Handlers choose
 * where a text goes (ephemeral, the thread, a reply); this file chooses what it says.
 */

type Graded = Extract<SubmitAnswerResult, { kind: 'graded' }>;

const mention = (userId: string) => `<@${userId}>`;

/** The feedback, led by its own opening words (`Incorrect`, `I could not read …`) or else by the verdict's. */
function inWords({ verdict, reason }: Verdict): string {
  const words = feedbackWords(reason);
  if (words.lead !== undefined) return sentence(words);
  const name = VERDICT_WORDS[verdict];
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${words.text}`;
}

function pointsLine(result: Graded): string {
  if (result.verdict.verdict !== 'correct') return '';
  if (result.points > 0) return ` **+${plural(result.points, 'point')}**.`;
  return result.firstSolve
    ? ' No points: you had revealed the solution.'
    : ' Solved before, so no new points (practice counts for your reviews).';
}

function nextLine(result: Graded, card: Card | undefined): string {
  if (result.verdict.verdict !== 'correct') return '';
  if (result.nextPart === null) return '\nEvery part of this card is solved. 🎉';
  const prompt =
    card && isNumeric(card) ? card.parts.find((part) => part.label === result.nextPart)?.prompt : undefined;
  return `\nNext: **part ${result.nextPart}**${prompt ? ` — ${prompt}` : ''}`;
}

/** What a graded answer gets: where it was given and whether it was hidden decide the wording. */
export const answerSay = {
  storeBusy:
    '⏳ I could not record this answer: the database is not answering, and many answers are already waiting. Please send it again in a few minutes.',
  /** A correct or not-simplified answer that the bot removed from the thread. */
  hidden(result: Graded, userId: string, card: Card | undefined): string {
    const { verdict } = result.verdict;
    const part = result.attempt.part;
    if (verdict === 'correct') {
      const note = result.verdict.note ? `\n${sentence(feedbackWords(result.verdict.reason))}` : '';
      return `${VERDICT_EMOJI.correct} ${mention(userId)} solved part ${part} — correct (answer hidden).${pointsLine(result)}${note}${nextLine(result, card)}`;
    }
    return `${VERDICT_EMOJI[verdict]} ${mention(userId)}, part ${part} — ${inWords(result.verdict)} (answer hidden)`;
  },

  /** An answer left in the thread. `spoilered`: it was already wrapped, so nothing to remind. */
  kept(result: Graded, card: Card | undefined, spoilered: boolean): string {
    const { verdict } = result.verdict;
    const lead = `${VERDICT_EMOJI[verdict]} ${inWords(result.verdict)}`;
    const hide =
      (verdict === 'correct' || verdict === 'not_simplified') && !spoilered
        ? '\nPlease wrap answers in ||spoilers|| so they do not give the solution away.'
        : '';
    return `${lead}${pointsLine(result)}${hide}${nextLine(result, card)}`;
  },

  /** A private answer (`/answer`, the Answer button): the verdict for the student's eyes only. */
  private(result: Graded, card: Card | undefined): string {
    const part = `Part ${result.attempt.part} of \`${result.quiz.cardId}\``;
    return `${VERDICT_EMOJI[result.verdict.verdict]} ${part}: ${inWords(result.verdict)}${pointsLine(result)}${nextLine(result, card)}`;
  },

  /** What the quiz thread learns of a private solve. */
  solvedInPrivate: (userId: string, part: string) =>
    `${VERDICT_EMOJI.correct} ${mention(userId)} solved part ${part}.`,

  /** The caption of the read-back image. */
  readAs: (normalized: string) => `I read your answer as \`${normalized}\`:`,

  /** A submission that was not graded (rate limit, no quiz, …); `duplicate` is answered by the caller. */
  notGraded(
    result: Exclude<SubmitAnswerResult, Graded | { kind: 'duplicate' | 'flashcard' }> | { kind: 'flashcard' },
  ): string {
    switch (result.kind) {
      case 'slow_down':
        return `⏳ Slow down a little: at most ${plural(result.limit, 'answer')} a minute. Try again in a moment — this one was not counted.`;
      case 'no_quiz':
        return 'There is no open quiz here. Answer inside a quiz thread, or start one with `/quiz`.';
      case 'quiz_finished':
        return `You have solved every part of \`${result.quiz.cardId}\` already. \`/quiz\` for another card!`;
      case 'card_unavailable':
        return `The card \`${result.cardId}\` is no longer available (it was removed from the seeds).`;
      case 'unknown_part':
        return `This card has no part ${result.part}; its parts are ${result.parts.join(', ')}.`;
      case 'flashcard':
        return flashcardSay.notAnswered;
    }
  },

  /** A private answer whose interaction was already recorded (Discord sent it twice). */
  duplicate: ({ verdict, rating }: AttemptRecord) =>
    verdict === 'self_rated'
      ? flashcardSay.alreadyRated(rating)
      : `${VERDICT_EMOJI[verdict]} This answer was already recorded (${VERDICT_WORDS[verdict]}).`,
};

/** The four recall ratings, as their buttons show them. */
export const RATING_LABELS: Readonly<Record<ReviewRating, string>> = {
  1: 'Again',
  2: 'Hard',
  3: 'Good',
  4: 'Easy',
};

/** A stored rating in words (the column is a plain integer). */
const ratingName = (rating: number | null) => RATING_LABELS[rating as ReviewRating] ?? 'a rating';

/** A flashcard (a `self` card): revealed, then rated by the student; nothing about it is graded. */
export const flashcardSay = {
  /** The quiz post's line under a flashcard's question. */
  lead: '🃏 **Flashcard** — recall the answer, then reveal it and rate yourself.',
  /** The quiz post's "how to answer" for a flashcard. */
  howTo:
    'Answer it in your head (or on paper), then press **Show answer** and rate your recall — Again, Hard, Good or Easy. Nothing here is graded and no points are at stake; the thread is for discussion.',
  notAnswered:
    'This card is a flashcard: nothing to type. Press **Show answer** under the quiz (or `/solution`) and rate yourself.',
  noHints:
    'This card is a flashcard: it has no hints. Press **Show answer** and rate how well you recalled it.',
  noSteps:
    'This card is a flashcard: it has no derivation steps. Press **Show answer** and rate how well you recalled it.',
  revealed: (card: Card, hasSolution: boolean) =>
    `📖 Answer of \`${card.id}\`, just for you.${hasSolution ? '' : ' This card has no written solution: rate what you recalled of it anyway.'}\nHow well did you recall it?`,
  alreadyRated: (rating: number | null) => `This rating was already recorded (${ratingName(rating)}).`,
  /** What a rating click recorded, and when FSRS brings the card back. */
  rateResult(result: RateCardResult): string {
    switch (result.kind) {
      case 'rated': {
        const when = Math.floor(result.due.getTime() / 1000);
        return `📝 Recorded: **${ratingName(result.attempt.rating)}** for \`${result.card.id}\` (no points: ratings schedule your reviews). It comes back for review <t:${when}:R> (<t:${when}:f>).`;
      }
      case 'duplicate':
        return flashcardSay.alreadyRated(result.attempt.rating);
      case 'not_flashcard':
        return `\`${result.quiz.cardId}\` is not a flashcard: answer it with \`/answer\` or in its thread.`;
      default:
        return answerSay.notGraded(result);
    }
  },
};

export const quizSay = {
  failed(result: Exclude<StartQuizResult, { kind: 'started' }>): string {
    switch (result.kind) {
      case 'unknown_card':
        return `I have no card \`${result.cardId}\`. Start typing in the \`card\` option to pick one from the list.`;
      case 'no_match':
        return 'No card matches these filters. Try fewer of them, or pick from the lists.';
      case 'channel_not_allowed':
        return `Quizzes are not posted in this channel. Try ${result.allowedChannels.map((id) => `<#${id}>`).join(', ')}.`;
    }
  },
  alreadySolved: 'You solved this card before: practice it again (no new points).',
  answerHere:
    'Answer in the thread (in `code` or ||spoilers||, or any expression using the card’s names), privately with `/answer` or the **Answer** button. `/hint` for a hint.',
  spoilerPlease: 'Correct answers stay visible here: please wrap yours in ||spoilers||.',
  threadName: (card: Card, title: string) => `${card.id} — ${title}`.slice(0, 100),
  noImage: (message: string) => `(The question could not be drawn as an image: ${message})`,
  closedIdle: (days: number) =>
    `🔒 This quiz is closed: nobody answered it for ${plural(days, 'day')}. \`/quiz\` starts a new one.`,
};

export const hintSay = (result: NextHintResult): string => {
  switch (result.kind) {
    case 'hint':
      return `💡 Hint ${result.number}/${result.total} for part ${result.part}: ${result.text}\n(Each hint lowers the points for this part a little.)`;
    case 'no_more_hints':
      return `No more hints for part ${result.part} (you have seen all ${result.total}). \`/solution\` shows the solution, but you give up the card's remaining points.`;
    case 'no_quiz':
      return answerSay.notGraded({ kind: 'no_quiz' });
    case 'quiz_finished':
      return 'You have solved every part of this card: no hint needed. `/solution` shows the worked solution.';
    case 'card_unavailable':
      return answerSay.notGraded(result);
    case 'flashcard':
      return flashcardSay.noHints;
  }
};

export const solutionSay = {
  intro(result: Extract<RevealSolutionResult, { kind: 'solution' }>): string {
    if (result.public) return `📖 Solution of \`${result.card.id}\`:`;
    const given = result.gaveUp.length
      ? ` You gave up part${result.gaveUp.length === 1 ? '' : 's'} ${result.gaveUp.join(', ')}: no more points for this card, and it comes back in your reviews.`
      : '';
    return `📖 Solution of \`${result.card.id}\`, just for you.${given}`;
  },
  missing: 'This card has no written solution.',
  postedPublicly: 'You solved every part, so the solution is posted for everyone.',
  unavailable: (result: Exclude<RevealSolutionResult, { kind: 'solution' }>) => answerSay.notGraded(result),
};

/** Discord's limit on a message's content. */
const MESSAGE_LIMIT = 2000;

/** Splits `text` into pieces of at most `max` characters, at line ends where it can. */
function splitLines(text: string, max: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (let line of text.split('\n')) {
    while (line.length > max) {
      if (piece) pieces.push(piece);
      piece = '';
      pieces.push(line.slice(0, max));
      line = line.slice(max);
    }
    if (piece && piece.length + 1 + line.length > max) {
      pieces.push(piece);
      piece = line;
    } else {
      piece = piece ? `${piece}\n${line}` : line;
    }
  }
  if (piece || pieces.length === 0) pieces.push(piece);
  return pieces;
}

export const latexSay = {
  /**
   * A card section's source as `latex` code blocks, each message within Discord's 2000 characters:
   * the first one says what it is. A ``` in the source would end the block early, so it gets a
   * zero-width space.
   */
  source(section: 'question' | 'solution', cardId: string, markdown: string): string[] {
    const lead = `📋 The ${section} of \`${cardId}\` as written (Markdown with LaTeX):\n`;
    const open = '```latex\n';
    const close = '\n```';
    const body = markdown.trim().replace(/```/g, '`\u200b``');
    const room = MESSAGE_LIMIT - lead.length - open.length - close.length;
    return splitLines(body, room).map((piece, index) => `${index === 0 ? lead : ''}${open}${piece}${close}`);
  },
  missing: (cardId: string) => `The card \`${cardId}\` is no longer available, or has no such section.`,
};

const PERIOD_NAMES = { week: 'this week', month: 'this month', all: 'all time' } as const;
const MEDALS = ['🥇', '🥈', '🥉'];

export const leaderboardSay = {
  title: (result: LeaderboardResult) =>
    `🏆 Leaderboard — ${PERIOD_NAMES[result.period]}${result.scope === 'channel' ? ', this channel' : ''}`,
  lines(result: LeaderboardResult): string {
    if (result.top.length === 0) return 'No points yet in this period. Be the first: `/quiz`!';
    return result.top
      .map(
        (row) =>
          `${MEDALS[row.rank - 1] ?? `${row.rank}.`} **${row.displayName}** (${mention(row.userId)}) — ${plural(row.points, 'point')}`,
      )
      .join('\n');
  },
  me: (result: LeaderboardResult) =>
    result.me
      ? `You: #${result.me.rank} with ${plural(result.me.points, 'point')}.`
      : 'You have no points in this period (or you left the leaderboards with `/privacy`).',
  footer: (result: LeaderboardResult) => `Times in ${result.timeZone}`,
};

export const progressSay = {
  title: (name: string) => `📈 Progress of ${name}`,
  summary: (report: ProgressReport) =>
    [
      `Solved cards: **${report.solvedCards.length}**${report.solvedCards.length ? ` (${report.solvedCards.map((id) => `\`${id}\``).join(', ')})` : ''}`,
      `Started: ${report.startedCards.length}`,
      `Attempts: ${report.attempts}`,
      `Streak: ${plural(report.streak, 'day')}`,
      `Reviews due: ${report.reviewsDue}${report.reviewsDue ? ' — `/review`' : ''}`,
    ].join('\n'),
  tags: (report: ProgressReport) =>
    report.tags
      .filter((tag) => tag.solved > 0 || tag.mastered > 0)
      .map((tag) => `\`${tag.tag}\`: ${tag.solved}/${tag.parts} parts solved, ${tag.mastered} mastered`)
      .join('\n') || 'Nothing solved yet.',
  private: (userId: string) => `${mention(userId)} keeps their progress private.`,
};

/** What is reviewed: a part of a numeric card, or a flashcard (whose one part is the whole card). */
const reviewed = (card: Card, part: string) =>
  card.grading === 'self' ? `the flashcard \`${card.id}\`` : `\`${card.id}\` part ${part}`;

export const reviewSay = (result: NextReviewResult): string => {
  if (result.kind === 'due') {
    const others = result.dueCount > 1 ? ` (${result.dueCount} parts are due in all)` : '';
    return `🔁 ${reviewed(result.card, result.part)} is due for review${others}. Press **Quiz me** to post it.`;
  }
  if (result.next) {
    const when = Math.floor(result.next.due.getTime() / 1000);
    return `Nothing is due. Next review: ${reviewed(result.next.card, result.next.part)}, <t:${when}:R>.`;
  }
  return 'Nothing to review yet: solve a card (or rate a flashcard) with `/quiz` and it joins your reviews.';
};

/** What every student should know of exports (docs/privacy.md): said with each `/privacy` reply. */
const EXPORTS_NAME_YOU =
  "Server admins can export this server's answers and grades for a gradebook: exports name every student who has not deleted their data, whether on the leaderboards or not.";

export const privacySay = {
  visible: (visible: boolean) =>
    `${
      visible
        ? 'You are on the leaderboards again.'
        : 'You left the leaderboards. Your points still count, and `/privacy leaderboard show:on` brings you back.'
    }\n${EXPORTS_NAME_YOU}`,
  confirmDelete: `This deletes **all** your answers, progress and points, in every server, for good: you leave the statistics and every later export too. Are you sure?\n${EXPORTS_NAME_YOU}`,
  deleted: (attempts: number) => `Done: your data is deleted (${plural(attempts, 'answer')}).`,
  cancelled: 'Nothing was deleted.',
};

export const adminSay = {
  notAllowed: 'Only members with the **Manage Server** permission can use `/quizadmin`.',
  reloaded: (report: { cards: number; added: number; updated: number; retired: number; broken: string[] }) =>
    [
      `Reloaded ${plural(report.cards, 'card')}: ${report.added} new, ${report.updated} changed, ${report.retired} retired.`,
      ...(report.broken.length ? [`Not loaded:\n${report.broken.map((b) => `• ${b}`).join('\n')}`] : []),
    ].join('\n'),
  dailySet: (channelId: string, time: string, zone: string) =>
    `Every day at ${time} (${zone}) I will post a quiz in <#${channelId}>.`,
  dailyOff: 'The daily quiz is off.',
  badTime: (time: string) => `\`${time}\` is not a time of day: use 24-hour \`HH:MM\`, e.g. \`09:30\`.`,
  timeZone: (zone: string) =>
    `This server's time zone is now ${zone} (leaderboard weeks and months, the daily quiz).`,
  badZone: (zone: string) =>
    `\`${zone}\` is not a time zone I know. Use an IANA name such as \`Europe/Prague\` or \`UTC\` (the list autocompletes).`,
  channels: (ids: readonly string[]) =>
    ids.length === 0
      ? 'Quizzes are allowed in every channel.'
      : `Quizzes are allowed in: ${ids.map((id) => `<#${id}>`).join(', ')}.`,
  hide: (mode: 'delete' | 'spoiler') =>
    mode === 'delete'
      ? 'Correct answers in threads are removed after grading (when I have Manage Messages).'
      : 'Correct answers stay in threads; quiz posts ask students to use ||spoilers||.',
  reset: (userId: string, attempts: number) =>
    `Reset ${mention(userId)} in this server: their answers and points here are deleted (${plural(attempts, 'answer')}); their progress, kept across servers, and their answers in other servers stay.`,
  previewOf: (card: Card) => `Preview of \`${card.id}\` (nothing is posted or recorded).`,
  flashcard: (card: SelfCard) =>
    `Flashcard (\`${card.type}\`): students reveal the solution and rate their recall; nothing is graded.${card.fallback ? `\nServed as a flashcard because: ${card.fallback}` : ''}`,
};

export const HELP_TEXT = [
  '**gradquiz** — derive the gradient, I check it at random points.',
  '',
  'Two kinds of cards: **📝 numeric cards** (derivations) — you type an answer and I grade it; **🃏 flashcards** (concepts, definitions, …) — you recall the answer, press **Show answer**, then rate yourself Again / Hard / Good / Easy. Ratings earn no points; they schedule your `/review`s.',
  '',
  '**Answering a numeric card**: in the quiz thread, put your answer in `code` or ||spoilers||, or write an expression with the card’s names, e.g. `(y - yhat) * x` — or answer privately with `/answer expression:…` or the **Answer** button.',
  'Accepted: `(y - yhat) * x`, `(y-ŷ)·x`, `x*(y - y_hat)`, `(y - \\hat{y}) x`, `(y - sigma(w^T x)) x`, `(y - σ(w·x)) x`, `\\frac{a}{b}`, a left-hand side such as `dl/dw = …`, and `x_j` for one component.',
  'Products side by side bind tighter than `/`: `1/2x` is 1/(2x) and `1/n(n+1)` is 1/(n(n+1)); for half of x write `x/2` or `(1/2)x`. `**` is a power like `^`.',
  'Marks: ✅ correct · ❌ incorrect · ❓ could not read · ➖ not simplified (right, but the part asks for another form).',
  '',
  '**Commands**: `/quiz [card] [tag] [course] [difficulty]` · `/answer` · `/hint` · `/step [answer]` · `/solution` · `/leaderboard [period] [scope]` · `/progress [user]` · `/review` · `/privacy` · `/help`',
  'Points go to your first solve of each part; hints and wrong answers lower them; `/solution` before solving gives the card up.',
].join('\n');

export const errorSay = (errorId: string) => `Sorry, something went wrong (error id ${errorId}).`;

type StepLocated = Exclude<NextStepResult, { kind: 'step' }>;

export const stepSay = {
  step: (result: Extract<NextStepResult, { kind: 'step' }>, definition: string) =>
    `🪜 Part ${result.part}, step ${result.number}/${result.total}: what is **${result.step.title}**, the derivative of \`${result.step.of}\` with respect to \`${result.step.by}\`?\n\`${result.step.of} = ${definition}\`\nAnswer with \`/step answer:…\` (steps earn no points; they lead you to the part's answer).`,
  graded(result: Extract<SubmitStepResult, { kind: 'graded' }>): string {
    const { verdict } = result.verdict;
    const line = `${VERDICT_EMOJI[verdict]} ${result.step.title} (step ${result.number}/${result.total} of part ${result.part}): ${inWords(result.verdict)}`;
    if (verdict !== 'correct') return line;
    return result.number < result.total
      ? `${line}\n\`/step\` for the next step.`
      : `${line}\nThat was the last step: multiply them and answer the part itself.`;
  },
  elsewhere(result: StepLocated | Exclude<SubmitStepResult, { kind: 'graded' }>): string {
    switch (result.kind) {
      case 'steps_done':
        return `You have answered every step of part ${result.part}: multiply them and answer the part itself.`;
      case 'no_steps':
        return `Part ${result.part} has no chain of steps: the loss is written directly in the variable.`;
      case 'quiz_finished':
        return 'You have solved every part of this card: no steps left.';
      case 'duplicate':
        return answerSay.duplicate(result.attempt);
      case 'flashcard':
        return flashcardSay.noSteps;
      default:
        return answerSay.notGraded(result);
    }
  },
};

type Stats = StatsReport;
type Part = PartStats;

export const percentOf = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
/** A stored reason or mistake code in words: `unreadable:unknown_name` → "unreadable: unknown name". */
const codeWords = (code: string) => code.replace(':', ': ').replace(/_/g, ' ');
const decimal = (n: number | null) => (n === null ? '—' : String(Math.round(n * 10) / 10));

/** "this week (since Mon 30 Nov, Europe/Prague)", "all time". */
function periodWords(scope: Stats['scope']): string {
  if (scope.since === null) return 'all time';
  const day = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: scope.timeZone,
  }).format(new Date(scope.since));
  const name = scope.period === 'week' ? 'this week' : scope.period === 'month' ? 'this month' : 'since';
  return `${name} (since ${day}, ${scope.timeZone})`;
}

/** `/quizadmin stats`: numbers about answers, never names. */
export const statsSay = {
  title: (report: Stats, cardTitle?: string) =>
    `📊 ${cardTitle ? `${cardTitle} — ` : ''}stats, ${periodWords(report.scope)}`.slice(0, 256),
  nothing: (report: Stats, cardTitle?: string) =>
    `No answers ${cardTitle ? `to **${cardTitle}** ` : ''}in this server, ${periodWords(report.scope)}.`,
  summary: (report: Stats) => {
    const answers = report.parts.reduce((n, part) => n + part.attempts, 0);
    const solved = report.parts.reduce((n, part) => n + part.solvedUsers, 0);
    return `${plural(answers, 'graded answer')} to ${plural(report.parts.length, 'part')}; ${plural(solved, 'part')} solved by a student. Counts only: no one is named.`;
  },
  hardestTitle: 'Hardest parts (lowest solve rate)',
  solveRateChartTitle: 'Solve rate per part, hardest first',
  partLine: (part: Part) =>
    `\`${part.card}\` part ${part.part} — **${percentOf(part.solveRate)}** solved (${part.solvedUsers} of ${plural(part.users, 'student')}) · median ${decimal(part.medianAttemptsToSolve)} tries · ${decimal(part.hintsPerSolve)} hints per solve${part.giveUps ? ` · ${part.giveUps} gave up` : ''}`,
  flashcardsTitle: 'Flashcards (self-rated recall)',
  ratingLine: (flashcard: Stats['flashcards'][number]) =>
    `\`${flashcard.card}\` — again ${flashcard.ratings.again} · hard ${flashcard.ratings.hard} · good ${flashcard.ratings.good} · easy ${flashcard.ratings.easy}`,
  ratingsChartTitle: (cardId: string) => `Self-ratings of ${cardId}`,
  partTitle: (label: string) => `Part ${label}`,
  partNumbers: (part: Part) =>
    [
      `${plural(part.attempts, 'graded answer')} from ${plural(part.users, 'student')}; **${part.solvedUsers} solved it** (${percentOf(part.solveRate)})`,
      `median ${decimal(part.medianAttemptsToSolve)} tries to a solve · ${decimal(part.hintsPerSolve)} hints per solve · ${part.giveUps} gave up`,
      part.invalid.count > 0
        ? `${plural(part.invalid.count, 'unreadable answer')}${part.invalid.reasons[0] ? `, most often: ${codeWords(part.invalid.reasons[0].reason)}` : ''}`
        : '',
    ]
      .filter(Boolean)
      .join('\n')
      .slice(0, 1024),
  wrongTitle: (label: string) => `Most common wrong answers, part ${label}`,
  wrongChartTitle: (cardId: string) => `Wrong answers to ${cardId}`,
  wrongLine: (group: Part['wrongGroups'][number]) =>
    `\`${group.example.slice(0, 120).replace(/`/g, 'ˋ')}\` — ${plural(group.count, 'answer')}, ${plural(group.users, 'student')}${group.mistake ? ` · *${codeWords(group.mistake)}*` : ''}`,
};

/** `/quizadmin export`: a CSV of this server's data. */
export const exportSay = {
  done: (what: 'attempts' | 'grades') =>
    what === 'attempts'
      ? "This server's answers, one row per answer (CSV; formulas are neutralised, so it opens safely in a spreadsheet). It names students, as a gradebook must: keep it private."
      : "This server's gradebook, one row per student: parts solved, points, answers, last activity (CSV). It names students: keep it private.",
  description: (what: 'attempts' | 'grades') =>
    what === 'attempts' ? 'Every answer in this server, as CSV' : 'One row per student, as CSV',
  badDate: (since: string) => `\`${since}\` is not a date: use \`YYYY-MM-DD\`, e.g. \`2026-09-01\`.`,
  tooLarge: (what: string, guildId: string, max: number) =>
    `The ${what} export is larger than Discord lets me attach (${Math.round(max / 2 ** 20)} MB). Use \`since:\` for a shorter period, or on the bot's host: \`gradquiz export ${what} --guild ${guildId} -o ${what}.csv\`.`,
};
