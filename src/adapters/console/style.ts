import type { VerdictName } from '../../core/grading/verdict.ts';

/** Emphasis for a terminal. Without colour every function returns its text unchanged (pipes, NO_COLOR). */
export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly verdict: (verdict: VerdictName, text: string) => string;
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const VERDICT_COLOUR: Readonly<Record<VerdictName, (text: string) => string>> = {
  correct: sgr(32, 39),
  incorrect: sgr(31, 39),
  invalid: sgr(33, 39),
  not_simplified: sgr(36, 39),
};

const same = (text: string) => text;

export function createStyle(color: boolean): Style {
  if (!color) return { bold: same, dim: same, verdict: (_verdict, text) => text };
  return { bold: sgr(1, 22), dim: sgr(2, 22), verdict: (verdict, text) => VERDICT_COLOUR[verdict](text) };
}
