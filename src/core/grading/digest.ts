/**
 * A 64-bit hash of a string as 16 hex digits: two 32-bit lanes mixed multiplicatively (the cyrb53
 * construction, kept to 64 bits). Not cryptographic: it names values, it hides nothing. Pure, so the
 * core needs no Node module for it.
 */
export function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** A 32-bit seed from a string (for `seededRng`): the first lane of {@link digest}. */
export function seedOf(text: string): number {
  return Number.parseInt(digest(text).slice(8), 16);
}
