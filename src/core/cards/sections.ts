/** The parts of a card's Markdown body that gradquiz shows. */
export interface CardSections {
  readonly question?: string;
  readonly solution?: string;
}

/** Splits the body on its H1 headings (`# Question`, `# Solution`); other headings stay inside. */
export function splitSections(body: string): CardSections {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of body.split(/\r?\n/)) {
    const heading = /^#\s+(.+?)\s*$/.exec(line);
    if (heading) {
      current = [];
      sections.set((heading[1] as string).toLowerCase(), current);
    } else current?.push(line);
  }
  const text = (name: string) => {
    const lines = sections.get(name);
    // A trailing horizontal rule separates sections in the author's notes; it is not content.
    return lines
      ?.join('\n')
      .replace(/\n\s*---\s*$/, '')
      .trim();
  };
  const question = text('question');
  const solution = text('solution');
  return {
    ...(question !== undefined ? { question } : {}),
    ...(solution !== undefined ? { solution } : {}),
  };
}
