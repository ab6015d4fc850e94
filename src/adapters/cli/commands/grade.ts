import type { Verdict } from '../../../core/grading/verdict.ts';
import type { SeedBank } from '../../seeds/loadSeeds.ts';
import { feedbackWords } from '../../text/feedbackWords.ts';
import { VERDICT_EMOJI, VERDICT_WORDS } from '../../text/verdictLine.ts';
import { sentence } from '../../text/words.ts';
import { BatchGrader, lookup } from '../grader.ts';
import type { CliIo } from '../io.ts';

export interface GradeOptions {
  readonly json: boolean;
  readonly seed: number;
}

/** The verdict object of `grade --json`: exactly SPEC section 5's fields, in its order. */
function verdictJson(v: Verdict): string {
  return JSON.stringify({
    verdict: v.verdict,
    ...(v.mistake !== undefined ? { mistake: v.mistake } : {}),
    ...(v.note !== undefined ? { note: v.note } : {}),
    feedback: sentence(feedbackWords(v.reason)),
    ...(v.normalized !== undefined ? { normalized: v.normalized } : {}),
  });
}

function verdictText(v: Verdict): string {
  const lines = [
    `${VERDICT_EMOJI[v.verdict]} ${VERDICT_WORDS[v.verdict]}: ${sentence(feedbackWords(v.reason))}`,
  ];
  if (v.mistake !== undefined) lines.push(`   mistake: ${v.mistake}`);
  if (v.normalized !== undefined) lines.push(`   read as: ${v.normalized}`);
  return lines.join('\n');
}

/** `gradquiz grade <card-id> <part-label> '<answer>'`: exit 0 for every verdict, 2 for an unknown card or part. */
export function gradeCommand(
  bank: SeedBank,
  cardId: string,
  label: string,
  answer: string,
  options: GradeOptions,
  io: CliIo,
): number {
  const found = lookup(bank, cardId, label);
  if (!found.ok) {
    io.err(`gradquiz: ${found.message}\n`);
    return 2;
  }
  const result = new BatchGrader(options.seed).grade(found.card, found.part, answer);
  if ('error' in result) {
    io.err(`gradquiz: ${result.error}\n`);
    return 2;
  }
  io.out(`${options.json ? verdictJson(result) : verdictText(result)}\n`);
  return 0;
}

/** One line of a batch: a verdict, or an error for that line alone. */
function batchLine(bank: SeedBank, grader: BatchGrader, line: string, json: boolean): string {
  const error = (message: string) => (json ? JSON.stringify({ error: message }) : `error: ${message}`);
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return error('not valid JSON');
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request))
    return error('expected an object {"card": …, "part": …, "answer": …}');
  const { card, part, answer } = request as Record<string, unknown>;
  if (typeof card !== 'string') return error('"card" must be a string');
  if (typeof answer !== 'string') return error('"answer" must be a string');
  if (part !== undefined && typeof part !== 'string' && typeof part !== 'number')
    return error('"part" must be a string or a number');
  const found = lookup(bank, card, part === undefined ? undefined : String(part));
  if (!found.ok) return error(found.message);
  const result = grader.grade(found.card, found.part, answer);
  if ('error' in result) return error(result.error);
  return json ? verdictJson(result) : verdictText(result);
}

/** `gradquiz grade --batch FILE|-`: one output line per non-blank input line, in order. */
export async function batchCommand(
  bank: SeedBank,
  source: string,
  options: GradeOptions,
  io: CliIo,
): Promise<number> {
  const grader = new BatchGrader(options.seed);
  try {
    for await (const line of io.lines(source)) {
      if (line.trim() === '') continue;
      io.out(`${batchLine(bank, grader, line, options.json)}\n`);
    }
  } catch (error) {
    io.err(
      `gradquiz: cannot read ${source === '-' ? 'standard input' : source}: ${(error as Error).message}\n`,
    );
    return 2;
  }
  return 0;
}
