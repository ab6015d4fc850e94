import { partLabels, type Card } from '../core/cards/card.ts';
import type { AppContext, UserRef } from './context.ts';
import type { QuizRecord } from './ports/index.ts';

export interface StartQuizInput {
  readonly user: UserRef;
  readonly guildId: string;
  readonly channelId: string;
  /** A chosen card; else one at random among the filters. */
  readonly cardId?: string;
  readonly tag?: string;
  readonly course?: string;
  readonly difficulty?: number;
}

export type StartQuizResult =
  | {
      readonly kind: 'started';
      readonly quiz: QuizRecord;
      readonly card: Card;
      readonly alreadySolved: boolean;
    }
  | { readonly kind: 'unknown_card'; readonly cardId: string }
  | { readonly kind: 'no_match' }
  | { readonly kind: 'channel_not_allowed'; readonly allowedChannels: readonly string[] };

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;

/**
 * Opens a quiz on a chosen card, or on a random one among those matching the filters, preferring cards
 * the user has not solved yet. The chat adapter posts it and records the post with `recordQuizPost`.
 */
export async function startQuiz(ctx: AppContext, input: StartQuizInput): Promise<StartQuizResult> {
  const guild = await ctx.store.guilds.get(input.guildId);
  if (guild.allowedChannels.length > 0 && !guild.allowedChannels.includes(input.channelId)) {
    return { kind: 'channel_not_allowed', allowedChannels: guild.allowedChannels };
  }
  await ctx.store.members.ensure(input.user);
  const progress = await ctx.store.history.progress(input.user.id);
  const solvedParts = new Map<string, number>();
  for (const row of progress) {
    if (row.solvedAt) solvedParts.set(row.cardId, (solvedParts.get(row.cardId) ?? 0) + 1);
  }
  const isSolved = (card: Card) => (solvedParts.get(card.id) ?? 0) >= partLabels(card).length;

  let card: Card | undefined;
  if (input.cardId !== undefined) {
    card = ctx.catalog.get(input.cardId);
    if (!card) return { kind: 'unknown_card', cardId: input.cardId };
  } else {
    const matches = ctx.catalog
      .all()
      .filter(
        (candidate) =>
          (input.tag === undefined || candidate.tags.some((tag) => same(tag, input.tag!))) &&
          (input.course === undefined || same(candidate.course, input.course)) &&
          (input.difficulty === undefined || candidate.difficulty === input.difficulty),
      );
    if (matches.length === 0) return { kind: 'no_match' };
    const unsolved = matches.filter((candidate) => !isSolved(candidate));
    const pool = unsolved.length > 0 ? unsolved : matches;
    card = pool[Math.min(pool.length - 1, Math.floor(ctx.rng() * pool.length))]!;
  }

  const quiz = await ctx.store.quizzes.create({
    guildId: input.guildId,
    channelId: input.channelId,
    threadId: null,
    messageId: null,
    cardId: card.id,
    openedBy: input.user.id,
    createdAt: ctx.clock.now(),
  });
  return { kind: 'started', quiz, card, alreadySolved: isSolved(card) };
}
