import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { CardCatalog } from '../../../app/index.ts';
import { cardTitle } from '../quizPost.ts';

/** Discord shows at most 25 suggestions; names and values are at most 100 characters. */
const MAX_CHOICES = 25;
const clip = (text: string) => (text.length > 100 ? `${text.slice(0, 99)}…` : text);

function matching(values: Iterable<string>, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const needle = typed.trim().toLowerCase();
  return [...new Set(values)]
    .filter((value) => value.toLowerCase().includes(needle))
    .sort((a, b) => a.localeCompare(b))
    .slice(0, MAX_CHOICES)
    .map((value) => ({ name: clip(value), value: value.slice(0, 100) }));
}

/** Suggestions for a `card` option: ids whose id or title contains what was typed. */
export function cardChoices(
  catalog: CardCatalog,
  typed: string,
): ApplicationCommandOptionChoiceData<string>[] {
  const needle = typed.trim().toLowerCase();
  return catalog
    .all()
    .map((card) => ({ id: card.id, label: `${card.id} — ${cardTitle(card)}` }))
    .filter((card) => card.label.toLowerCase().includes(needle))
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(0, MAX_CHOICES)
    .map((card) => ({ name: clip(card.label), value: card.id }));
}

export const tagChoices = (catalog: CardCatalog, typed: string) =>
  matching(
    catalog.all().flatMap((card) => card.tags),
    typed,
  );

export const courseChoices = (catalog: CardCatalog, typed: string) =>
  matching(
    catalog.all().map((card) => card.course),
    typed,
  );

/** IANA time zones for `/quizadmin timezone`. */
export const timeZoneChoices = (typed: string) =>
  matching(['UTC', ...Intl.supportedValuesOf('timeZone')], typed);
