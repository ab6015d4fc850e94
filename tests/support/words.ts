import type { Verdict } from '../../src/core/grading/verdict.ts';
import type { ReadError } from '../../src/core/reader/types.ts';
import { feedbackWords } from '../../src/adapters/text/feedbackWords.ts';
import { readErrorWords } from '../../src/adapters/text/readErrorWords.ts';
import { sentence } from '../../src/adapters/text/words.ts';

/** What a student reads with a verdict: the plain-text table's sentence, as `grade --json` gives it. */
export const feedbackOf = (verdict: Verdict): string => sentence(feedbackWords(verdict.reason));

/** What a student reads when an answer does not read. */
export const messageOf = (error: ReadError): string => sentence(readErrorWords(error));
