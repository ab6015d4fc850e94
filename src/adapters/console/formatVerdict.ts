import type { Verdict } from '../../core/grading/verdict.ts';
import { VERDICT_EMOJI, VERDICT_WORDS } from '../text/verdictLine.ts';
import type { Style } from './style.ts';

/** Lines under a verdict line start below its text, past the emoji. */
export const INDENT = '   ';

/**
 * The verdict in emoji and words, its feedback, the mistake code and the reader's reading:
 * `✅ correct: that is ∂ℓ/∂w.` The feedback often opens with the verdict's own words ("Correct: …",
 * "I could not read …"); then it is the line itself rather than said twice.
 */
export function formatVerdict(verdict: Verdict, style: Style): string {
  const words = VERDICT_WORDS[verdict.verdict];
  const feedback = verdict.feedback.replace(/^I (?=could not read)/, '');
  const head = feedback.toLowerCase().startsWith(words)
    ? feedback[0]?.toLowerCase() + feedback.slice(1)
    : `${words}: ${feedback}`;
  const lines = [style.verdict(verdict.verdict, `${VERDICT_EMOJI[verdict.verdict]} ${head}`)];
  if (verdict.mistake !== undefined) lines.push(style.dim(`${INDENT}mistake: ${verdict.mistake}`));
  if (verdict.normalized !== undefined) lines.push(style.dim(`${INDENT}read as: ${verdict.normalized}`));
  return lines.join('\n');
}
