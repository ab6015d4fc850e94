import type { Verdict } from '../../core/grading/verdict.ts';
import { feedbackWords } from '../text/feedbackWords.ts';
import { VERDICT_EMOJI, VERDICT_WORDS } from '../text/verdictLine.ts';
import type { Style } from './style.ts';

/** Lines under a verdict line start below its text, past the emoji. */
export const INDENT = '   ';

/**
 * The verdict in emoji and words, its feedback, the mistake code and the reader's reading:
 * `✅ correct: that is ∂ℓ/∂w.` Feedback with opening words of its own ("Correct", "I could not read
 * `x +`") opens the line with them, lower case and without the "I", rather than say the verdict twice.
 */
export function formatVerdict(verdict: Verdict, style: Style): string {
  const { lead, text } = feedbackWords(verdict.reason);
  const opening =
    lead === undefined ? VERDICT_WORDS[verdict.verdict] : lead.charAt(0).toLowerCase() + lead.slice(1);
  const head = `${opening.replace(/^i (?=could not read)/, '')}: ${text}`;
  const lines = [style.verdict(verdict.verdict, `${VERDICT_EMOJI[verdict.verdict]} ${head}`)];
  if (verdict.mistake !== undefined) lines.push(style.dim(`${INDENT}mistake: ${verdict.mistake}`));
  if (verdict.normalized !== undefined) lines.push(style.dim(`${INDENT}read as: ${verdict.normalized}`));
  return lines.join('\n');
}
