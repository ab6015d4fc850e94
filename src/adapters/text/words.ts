/**
 * A reason in words: `lead` opens the sentence where a reply would otherwise put the verdict's own
 * name (`Incorrect`, `I could not read \`x +\``); `text` follows it. Without a lead the text stands
 * alone and each adapter puts the verdict's name in front in its own way.
 */
export interface Words {
  readonly lead?: string;
  readonly text: string;
}

/** The words as one sentence, as `gradquiz grade --json` gives them in `feedback`. */
export const sentence = (words: Words): string =>
  words.lead === undefined ? words.text : `${words.lead}: ${words.text}`;

const QUOTE_LIMIT = 80;

/** `text` in backticks, shortened when long (backticks inside would break Discord's code span). */
export function quote(text: string): string {
  const flat = text.replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  return '`' + (flat.length > QUOTE_LIMIT ? flat.slice(0, QUOTE_LIMIT - 1) + '…' : flat) + '`';
}
