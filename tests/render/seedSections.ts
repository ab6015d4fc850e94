import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const FIRST_CARD_FILE = '000_aa23e2add4713a5a.txt';

/** The Markdown under `# Question` (up to `---` or `# Solution`) and under `# Solution`. */
export function seedSections(file: string): { question: string; solution: string } {
  const text = readFileSync(SEEDS_DIR + file, 'utf8');
  const question = /^# Question[ \t]*\n([\s\S]*?)(?=^---\s*$|^# Solution|(?![\s\S]))/m.exec(text)?.[1] ?? '';
  const solution = /^# Solution[ \t]*\n([\s\S]*)$/m.exec(text)?.[1] ?? '';
  return { question, solution };
}
