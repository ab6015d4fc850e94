import type { Style } from './style.ts';
import { plural } from '../text/plural.ts';

export interface GreetingFacts {
  readonly user: string;
  readonly cards: number;
  /** How many of them are self-graded flashcards. */
  readonly flashcards: number;
  /** Derivations served as flashcards because their check block is wrong or could not be drafted. */
  readonly fallbacks: readonly string[];
  /** Files that did not load, relative to the seeds folder. */
  readonly broken: readonly string[];
  readonly databaseDescription: string;
}

/** The first lines of a session: the cards, where progress is kept, and how to run the real bot. */
export function formatGreeting(facts: GreetingFacts, style: Style): string {
  const broken =
    facts.broken.length === 0
      ? ''
      : ` (${facts.broken.length} more could not be loaded: ${facts.broken.join(', ')}; \`npx gradquiz cards check\` says why)`;
  return [
    style.bold(
      `gradquiz practice mode: ${plural(facts.cards, 'card')} loaded — ${facts.cards - facts.flashcards} graded, ${plural(facts.flashcards, 'flashcard')}${broken}.`,
    ),
    ...(facts.fallbacks.length > 0
      ? [
          style.dim(
            `${plural(facts.fallbacks.length, 'derivation')} served as ${facts.fallbacks.length === 1 ? 'a flashcard' : 'flashcards'} (${facts.fallbacks.join(', ')}): \`npx gradquiz cards check\` says why.`,
          ),
        ]
      : []),
    `Progress is kept for ${facts.user}: ${facts.databaseDescription}.`,
    style.dim('This is the terminal; to run the Discord bot instead, set DISCORD_TOKEN (see README.md).'),
    '/quiz starts a quiz, /cards lists the cards, /help shows the notation and the commands.',
  ].join('\n');
}
