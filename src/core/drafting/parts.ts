/** A part of a question, and its share of the solution. */
export interface PartText {
  readonly label: string;
  /** The part's own words in the question. */
  readonly prompt: string;
  /** The one part of a question that has none: its words are the whole question. */
  readonly whole?: boolean;
}

export interface SplitQuestion {
  /** What comes before the first part: the setting every part shares. */
  readonly preamble: string;
  /** The parts, labelled "1", "2", …; one part "1" holding the whole question when it has none. */
  readonly parts: readonly PartText[];
}

const LETTERS = 'abcdefgh';

/** "1", "(1)", "a", "(a)" → the part's label as a number's string ("1", "2", …). */
function labelOf(mark: string): string {
  const index = LETTERS.indexOf(mark);
  return index >= 0 ? String(index + 1) : String(Number(mark));
}

/** `(1) …`, `**(1)**`, `1. …`, `1) …`, `(a) …` at the start of a line of the question. */
const QUESTION_MARK = /^\s*(?:\*\*)?\s*(?:\((\d|[a-h])\)|(\d)[.)])(?:\*\*)?\s+/;
/** `## (1) …`, `## Part 1`, `**(1) Weights:**`, `**1.**`, `(1)`, `Part 1:` at the start of a line of the solution. */
const SOLUTION_MARK =
  /^\s*(?:#{1,6}\s*|\*\*\s*)?(?:part\s+)?(?:\((\d|[a-h])\)|(\d)(?:[.):]|(?=\s*\*\*)|$)|(?<=part\s+)(\d))/i;

interface Marked {
  readonly label: string;
  readonly line: number;
}

/** The first line marked with each label, when labels "1", "2", … appear in order. */
function marks(lines: readonly string[], pattern: RegExp): Marked[] {
  const found: Marked[] = [];
  lines.forEach((line, index) => {
    const match = pattern.exec(line);
    const mark = match?.slice(1).find((m) => m !== undefined);
    if (mark === undefined) return;
    const label = labelOf(mark.toLowerCase());
    if (label === String(found.length + 1)) found.push({ label, line: index });
  });
  return found;
}

export function splitQuestion(question: string): SplitQuestion {
  const lines = question.split(/\r?\n/);
  const found = marks(lines, QUESTION_MARK);
  if (found.length < 2) return { preamble: question, parts: [{ label: '1', prompt: question, whole: true }] };
  return {
    preamble: lines.slice(0, found[0]?.line).join('\n'),
    parts: found.map((mark, i) => ({
      label: mark.label,
      prompt: lines
        .slice(mark.line, found[i + 1]?.line)
        .join('\n')
        .replace(QUESTION_MARK, '')
        .trim(),
    })),
  };
}

/**
 * The section of the solution that answers each part, when the solution marks them all (`## (1)`,
 * `**(2) Bias:**`); otherwise undefined, and every part is looked for in the whole solution.
 */
export function splitSolution(solution: string, labels: readonly string[]): Map<string, string> | undefined {
  if (labels.length < 2) return undefined;
  const lines = solution.split(/\r?\n/);
  const found = marks(lines, SOLUTION_MARK);
  if (found.length < labels.length) return undefined;
  return new Map(
    found
      .slice(0, labels.length)
      .map((mark, i) => [mark.label, lines.slice(mark.line, found[i + 1]?.line).join('\n')]),
  );
}
