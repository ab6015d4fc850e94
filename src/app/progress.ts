import { currentStreak, localDate } from '../core/scoring/index.ts';
import { partLabels } from '../core/cards/card.ts';
import type { AppContext } from './context.ts';

interface TagMastery {
  readonly tag: string;
  /** Parts of the tag's cards: in all, solved, mastered. */
  readonly parts: number;
  readonly solved: number;
  readonly mastered: number;
}

export interface ProgressReport {
  readonly userId: string;
  readonly displayName?: string;
  /** Cards with every part solved. */
  readonly solvedCards: readonly string[];
  /** Cards with some progress but not every part solved. */
  readonly startedCards: readonly string[];
  /** Answers that counted (correct or incorrect). */
  readonly attempts: number;
  /** Consecutive days with a correct answer, up to today, in the guild's time zone. */
  readonly streak: number;
  readonly tags: readonly TagMastery[];
  /** Parts whose review is due now. */
  readonly reviewsDue: number;
}

/** A user's progress over the cards of the catalog. */
export async function progress(
  ctx: AppContext,
  input: { userId: string; guildId: string },
): Promise<ProgressReport> {
  const now = ctx.clock.now();
  const [user, rows, attempts, guild] = await Promise.all([
    ctx.store.members.find(input.userId),
    ctx.store.history.progress(input.userId),
    ctx.store.history.countAnswers(input.userId),
    ctx.store.guilds.get(input.guildId),
  ]);
  const days = await ctx.store.history.correctAnswerDays(input.userId, guild.timeZone, 400);
  const byCard = new Map<string, typeof rows>();
  for (const row of rows) byCard.set(row.cardId, [...(byCard.get(row.cardId) ?? []), row]);

  const solvedCards: string[] = [];
  const startedCards: string[] = [];
  const tags = new Map<string, { parts: number; solved: number; mastered: number }>();
  for (const card of ctx.catalog.all()) {
    const cardRows = byCard.get(card.id) ?? [];
    const labels = partLabels(card);
    const solved = labels.filter((label) =>
      cardRows.some((row) => row.part === label && row.solvedAt),
    ).length;
    const mastered = labels.filter((label) =>
      cardRows.some((row) => row.part === label && row.status === 'mastered'),
    ).length;
    if (solved === labels.length) solvedCards.push(card.id);
    else if (cardRows.some((row) => row.status !== 'to_learn')) startedCards.push(card.id);
    for (const tag of card.tags) {
      const entry = tags.get(tag) ?? { parts: 0, solved: 0, mastered: 0 };
      tags.set(tag, {
        parts: entry.parts + labels.length,
        solved: entry.solved + solved,
        mastered: entry.mastered + mastered,
      });
    }
  }
  return {
    userId: input.userId,
    ...(user ? { displayName: user.displayName } : {}),
    solvedCards,
    startedCards,
    attempts,
    streak: currentStreak(days, localDate(now, guild.timeZone)),
    tags: [...tags].map(([tag, counts]) => ({ tag, ...counts })).sort((a, b) => a.tag.localeCompare(b.tag)),
    reviewsDue: rows.filter((row) => row.due !== null && row.due <= now && ctx.catalog.get(row.cardId))
      .length,
  };
}
