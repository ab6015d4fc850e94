import type { LeaderboardScope } from '../../app/index.ts';
import { parseRating, type LeaderboardPeriod, type ReviewRating } from '../../core/scoring/index.ts';

export interface QuizFilters {
  readonly cardId?: string;
  readonly tag?: string;
  readonly course?: string;
  readonly difficulty?: number;
}

/** One line typed in the practice mode, as what the user asked for (SPEC section 2, practice mode). */
export type ConsoleCommand =
  | { readonly kind: 'blank' }
  /** A plain line, or `/answer expression:…`. */
  | { readonly kind: 'answer'; readonly expression: string }
  | { readonly kind: 'quiz'; readonly filters: QuizFilters }
  | { readonly kind: 'hint' }
  | { readonly kind: 'solution' }
  /** `/rate again|hard|good|easy` (or `1`–`4`): a flashcard's self-rating. */
  | { readonly kind: 'rate'; readonly rating: ReviewRating }
  | { readonly kind: 'progress' }
  | { readonly kind: 'stats' }
  | { readonly kind: 'leaderboard'; readonly period?: LeaderboardPeriod; readonly scope?: LeaderboardScope }
  | { readonly kind: 'review' }
  /** `/step` shows the next step; `/step answer:…` answers it. */
  | { readonly kind: 'step'; readonly answer?: string }
  | { readonly kind: 'cards' }
  | { readonly kind: 'help' }
  | { readonly kind: 'quit' }
  /** A line that starts with `/` but is not a command we can carry out: `message` says why. */
  | { readonly kind: 'mistyped'; readonly message: string };

/** Opening quote → closing quote; phones and word processors turn `"` into `“”`. */
const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’' };

/** Strips one pair of matching quotes around a value: `"Machine Learning"` → `Machine Learning`. */
export function unquote(value: string): string {
  const close = QUOTES[value[0] ?? ''];
  return close !== undefined && value.length >= 2 && value.endsWith(close) ? value.slice(1, -1) : value;
}

/**
 * Splits options on white space, keeping a quoted value in one word. A quote opens only at the start
 * of a word or right after `key:`, so the `'` of `w'x` stays a transpose.
 */
function splitWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let closing: string | undefined;
  for (const ch of text) {
    if (closing !== undefined) {
      word += ch;
      if (ch === closing) closing = undefined;
    } else if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      if (word === undefined || word.endsWith(':')) closing = QUOTES[ch];
      word = (word ?? '') + ch;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** `key:value` words (also `key: value`, as two words), with the words that name no option. */
function readOptions(text: string): { options: Map<string, string>; loose: string[] } {
  const options = new Map<string, string>();
  const loose: string[] = [];
  const words = splitWords(text);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const match = /^([a-z]+):(.*)$/is.exec(word);
    if (!match) {
      loose.push(unquote(word));
      continue;
    }
    let value = match[2] as string;
    if (value === '' && i + 1 < words.length) value = words[++i] as string;
    options.set((match[1] as string).toLowerCase(), unquote(value));
  }
  return { options, loose };
}

/** The rest of the line after an optional `name:` (an expression keeps its spaces and colons). */
function valueAfter(rest: string, name: string): string {
  const prefix = new RegExp(`^${name}:\\s*`, 'i');
  return unquote(rest.replace(prefix, '').trim());
}

const mistyped = (message: string): ConsoleCommand => ({ kind: 'mistyped', message });

/** What the user typed, quoted back without flooding the terminal. */
const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

function parseQuiz(rest: string): ConsoleCommand {
  const { options, loose } = readOptions(rest);
  const unknown = [...options.keys()].filter((key) => !['card', 'tag', 'course', 'difficulty'].includes(key));
  const [card, ...extra] = loose;
  const stray = unknown[0] !== undefined ? `${unknown[0]}:` : extra[0];
  if (stray !== undefined) {
    return mistyped(
      `/quiz does not know "${short(stray)}". Options: card:ID (or just the ID), tag:…, course:"…", difficulty:1-5.`,
    );
  }
  if (card !== undefined && options.has('card'))
    return mistyped('Name the card once: /quiz ID or /quiz card:ID.');
  const cardId = options.get('card') ?? card;
  const tag = options.get('tag');
  const course = options.get('course');
  const difficultyText = options.get('difficulty');
  const difficulty = difficultyText === undefined ? undefined : Number(difficultyText);
  if (difficulty !== undefined && !(Number.isInteger(difficulty) && difficulty >= 1 && difficulty <= 5)) {
    return mistyped(`difficulty must be a whole number from 1 to 5, not "${difficultyText}".`);
  }
  const filters: QuizFilters = {
    ...(cardId ? { cardId } : {}),
    ...(tag ? { tag } : {}),
    ...(course ? { course } : {}),
    ...(difficulty !== undefined ? { difficulty } : {}),
  };
  return { kind: 'quiz', filters };
}

const PERIODS: readonly LeaderboardPeriod[] = ['week', 'month', 'all'];
const SCOPES: readonly LeaderboardScope[] = ['server', 'channel'];

function parseLeaderboard(rest: string): ConsoleCommand {
  const { options, loose } = readOptions(rest);
  let period: LeaderboardPeriod | undefined;
  let scope: LeaderboardScope | undefined;
  for (const [key, value] of [...options, ...loose.map((word) => ['', word] as const)]) {
    const lower = value.toLowerCase();
    const asPeriod = PERIODS.find((p) => p === lower);
    const asScope = SCOPES.find((s) => s === lower);
    if ((key === 'period' || key === '') && asPeriod) period = asPeriod;
    else if ((key === 'scope' || key === '') && asScope) scope = asScope;
    else
      return mistyped(
        `/leaderboard takes period:week|month|all and scope:server|channel, not "${short(value)}".`,
      );
  }
  return { kind: 'leaderboard', ...(period ? { period } : {}), ...(scope ? { scope } : {}) };
}

/** Commands that take nothing after their name. */
const BARE = {
  hint: 'hint',
  solution: 'solution',
  progress: 'progress',
  stats: 'stats',
  review: 'review',
  cards: 'cards',
  help: 'help',
  quit: 'quit',
  exit: 'quit',
} as const;

/** Reads one line of input. Never throws; linear in the line's length. */
export function parseLine(line: string): ConsoleCommand {
  const text = line.trim();
  if (text === '') return { kind: 'blank' };
  if (!text.startsWith('/')) return { kind: 'answer', expression: text };

  const match = /^\/(\S*)\s*(.*)$/s.exec(text) as RegExpExecArray;
  const name = (match[1] as string).toLowerCase();
  const rest = match[2] as string;
  switch (name) {
    case 'quiz':
      return parseQuiz(rest);
    case 'answer': {
      const expression = valueAfter(rest, 'expression');
      return expression === ''
        ? mistyped('Type the expression after /answer, e.g. /answer (y - yhat) * x.')
        : { kind: 'answer', expression };
    }
    case 'step': {
      if (rest.trim() === '') return { kind: 'step' };
      const answer = valueAfter(rest, 'answer');
      return answer === '' ? mistyped('Type the expression after /step answer:') : { kind: 'step', answer };
    }
    case 'leaderboard':
      return parseLeaderboard(rest);
    case 'rate': {
      const rating = parseRating(valueAfter(rest, 'rating'));
      return rating === undefined
        ? mistyped('Rate your recall with /rate again, /rate hard, /rate good or /rate easy (or 1–4).')
        : { kind: 'rate', rating };
    }
  }
  if (Object.hasOwn(BARE, name)) {
    const kind = BARE[name as keyof typeof BARE];
    return rest === '' ? { kind } : mistyped(`/${name} takes no options here.`);
  }
  return mistyped(`There is no command /${short(name)}: /help lists them.`);
}
