/** `1 point`, `72 points`: English plurals of the few nouns the practice mode counts. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
