import matter from 'gray-matter';
import type { z } from 'zod';
import { FUNCTION_NAMES, type Expr, type Vocabulary } from '../expr/ast.ts';
import { printExpr } from '../expr/print.ts';
import { describeShape, inferShape, sameShape, type Shape } from '../expr/shape.ts';
import { readExpression } from '../reader/index.ts';
import {
  dimensionsOf,
  shapeOfVar,
  type Card,
  type CardInfo,
  type Given,
  type KnownMistake,
  type NumericCard,
  type Part,
  type SignRule,
  type VarSpec,
} from './card.ts';
import { fieldPath, type CardProblem } from './problem.ts';
import {
  checkSchema,
  idSchema,
  metaSchema,
  type CheckBlock,
  type MistakeEntry,
  type PartEntry,
  type VarEntry,
} from './schema.ts';
import { splitSections } from './sections.ts';
import { vocabularyOf } from './vocabulary.ts';

export type CardParse =
  /**
   * The card loads. `problems` holds warnings, and the errors of a written check block that is
   * wrong: such a card is served as a flashcard, and `cards check` still fails on it.
   */
  | { readonly ok: true; readonly card: Card; readonly problems: readonly CardProblem[] }
  /** The card cannot be read at all: bad YAML, no `id`, no `# Question`. */
  | { readonly ok: false; readonly id?: string; readonly problems: readonly CardProblem[] };

/** The default range of a vector's components when a card gives none. */
const DEFAULT_RANGE: [number, number] = [-2, 2];

type Report = (field: string, message: string, warning?: boolean, cause?: CardProblem['cause']) => void;

/** Collects problems once each, naming the field they are about, so an author fixes a card in one pass. */
function problemCollector(file: string) {
  const problems: CardProblem[] = [];
  const report: Report = (field, message, warning = false, cause = undefined) => {
    if (!problems.some((p) => p.field === field && p.message === message))
      problems.push({ file, field, message, ...(warning ? { warning } : {}), ...(cause ? { cause } : {}) });
  };
  const reportIssues = (prefix: string, error: z.ZodError, warning = false) => {
    for (const issue of error.issues) {
      const path = [...(prefix ? [prefix] : []), ...issue.path];
      const message = /received undefined$/.test(issue.message) ? 'is required' : issue.message;
      report(path.length > 0 ? fieldPath(path) : 'front matter', message, warning);
    }
  };
  return { problems, report, reportIssues };
}

/**
 * Reads one card file: its front matter (gray-matter, then zod), its sections, and — when it has
 * one — its `check` block with every expression read and shapes checked. Only a card that cannot
 * be read at all is refused; a card without a usable check block loads as a flashcard.
 */
export function parseCard(text: string, file: string, contentHash: string): CardParse {
  const { problems, report, reportIssues } = problemCollector(file);
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options are passed so that gray-matter does not cache (and share) results by content.
    parsed = matter(text, {});
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return {
      ok: false,
      problems: [{ file, field: 'front matter', message: `the YAML cannot be read: ${reason}` }],
    };
  }
  const raw = (typeof parsed.data === 'object' && parsed.data !== null ? parsed.data : {}) as Record<
    string,
    unknown
  >;
  const id = idSchema.safeParse(raw.id);
  if (!id.success) report('id', raw.id === undefined ? 'is required' : 'must be a non-empty string');
  const sections = splitSections(parsed.content);
  if (sections.question === undefined || sections.question === '')
    report('body', 'the "# Question" section is missing');
  const refused = problems.length > 0;
  if (sections.solution === undefined) report('body', 'there is no "# Solution" section', true);
  const meta = readMeta(raw, reportIssues);
  if (!id.success || refused) {
    // Everything else wrong with it is said too, so that the author fixes the file in one pass.
    if (raw.check !== undefined) problems.push(...checkProblems(file, raw.check));
    return { ok: false, ...(id.success ? { id: id.data } : {}), problems };
  }
  const info: CardInfo = {
    id: id.data,
    file,
    course: meta.course,
    tags: meta.tags,
    difficulty: meta.difficulty,
    type: meta.type ?? (raw.check !== undefined ? 'derivation' : 'concept'),
    ...(meta.status !== undefined ? { status: meta.status } : {}),
    body: parsed.content,
    question: sections.question ?? '',
    ...(sections.solution !== undefined ? { solution: sections.solution } : {}),
    contentHash,
  };
  if (raw.check === undefined)
    return { ok: true, card: { ...info, grading: 'self', check: 'none' }, problems };

  const built = buildNumericCard(info, raw.check, 'written');
  problems.push(...built.problems);
  const firstError = built.problems.find((p) => !p.warning);
  if (!built.ok || firstError !== undefined) {
    const fallback = `its check block is wrong (${firstError?.field}: ${firstError?.message})`;
    return { ok: true, card: { ...info, grading: 'self', check: 'written', fallback }, problems };
  }
  return { ok: true, card: built.card, problems };
}

/**
 * The front matter beyond `id`: a field that is wrong is a warning and gets its default, so that
 * a deck of notes is not lost to one typo.
 */
function readMeta(
  raw: Record<string, unknown>,
  reportIssues: (prefix: string, e: z.ZodError, w: boolean) => void,
) {
  const result = {
    course: '',
    tags: [] as string[],
    difficulty: 3,
    type: undefined as string | undefined,
    status: undefined as string | undefined,
  };
  for (const key of ['course', 'tags', 'difficulty', 'type', 'status'] as const) {
    if (raw[key] === undefined) continue;
    const field = metaSchema.shape[key].safeParse(raw[key]);
    if (field.success) Object.assign(result, { [key]: field.data });
    else reportIssues(key, field.error, true);
  }
  return result;
}

/** What is wrong with a check block, read on its own. */
function checkProblems(file: string, rawCheck: unknown): readonly CardProblem[] {
  const info: CardInfo = {
    id: '',
    file,
    course: '',
    tags: [],
    difficulty: 3,
    type: 'derivation',
    body: '',
    question: '',
    contentHash: '',
  };
  return buildNumericCard(info, rawCheck, 'written').problems;
}

export type NumericBuild =
  | { readonly ok: true; readonly card: NumericCard; readonly problems: readonly CardProblem[] }
  | { readonly ok: false; readonly problems: readonly CardProblem[] };

/**
 * Reads a check block (written by the author, or drafted from the card's text) and makes the card
 * numeric. Problems name fields under `check`.
 */
export function buildNumericCard(
  info: CardInfo,
  rawCheck: unknown,
  source: NumericCard['check'],
): NumericBuild {
  const { problems, report, reportIssues } = problemCollector(info.file);
  const check = checkSchema.safeParse(rawCheck);
  if (!check.success) {
    reportIssues('check', check.error);
    return { ok: false, problems };
  }
  const built = buildCheck(check.data, report);
  if (built === undefined || problems.some((p) => !p.warning)) return { ok: false, problems };
  return { ok: true, card: { ...info, grading: 'numeric', check: source, ...built }, problems };
}

type Built = Pick<NumericCard, 'vars' | 'given' | 'shapes' | 'aliases' | 'parts'>;

function toVarSpec(entry: VarEntry): VarSpec {
  if (Array.isArray(entry)) return { kind: 'integer', min: entry[0], max: entry[1] };
  if ('vector' in entry) {
    const [min, max] = entry.range ?? DEFAULT_RANGE;
    return { kind: 'vector', length: entry.vector, min, max };
  }
  if ('matrix' in entry) {
    const [min, max] = entry.range ?? DEFAULT_RANGE;
    return { kind: 'matrix', rows: entry.matrix[0], cols: entry.matrix[1], min, max };
  }
  if ('onehot' in entry) return { kind: 'onehot', length: entry.onehot };
  if ('choice' in entry) return { kind: 'choice', values: entry.choice };
  return { kind: 'real', min: entry.range[0], max: entry.range[1] };
}

function buildCheck(check: CheckBlock, report: Report): Built | undefined {
  const vars = new Map<string, VarSpec>();
  const shapes = new Map<string, Shape>();
  for (const [name, entry] of Object.entries(check.vars)) {
    const spec = toVarSpec(entry);
    const isCount = (v: number) => Number.isInteger(v) && v >= 1;
    // A length is drawn like any var: from an integer range, or from a choice of whole numbers.
    const counts = (dimension: string | number) => {
      if (typeof dimension === 'number') return true;
      const length = vars.get(dimension);
      return (
        (length?.kind === 'integer' && isCount(length.min)) ||
        (length?.kind === 'choice' && length.values.every(isCount))
      );
    };
    const wrong = dimensionsOf(spec).find((d) => !counts(d));
    if (wrong !== undefined) {
      report(
        `check.vars.${name}.${spec.kind}`,
        `"${wrong}" must be a var of positive whole numbers declared before ${name}`,
      );
      continue;
    }
    vars.set(name, spec);
    shapes.set(name, shapeOfVar(spec));
  }

  const aliases = new Map<string, string>();
  for (const [name, variants] of Object.entries(check.aliases ?? {})) {
    for (const variant of Array.isArray(variants) ? variants : [variants]) aliases.set(variant, name);
  }

  const vocabulary = (): Vocabulary => vocabularyOf(shapes, aliases);
  const read = (source: string, field: string): { expr: Expr; shape: Shape } | undefined => {
    const result = readExpression(source, vocabulary());
    if (!result.ok) {
      const near = result.error.near === undefined ? '' : ` near "${result.error.near}"`;
      report(field, `does not read (${result.error.code}${near})`, false, {
        code: 'unreadable',
        error: result.error,
      });
      return undefined;
    }
    const shape = inferShape(result.expr, shapes);
    if (!shape.ok) {
      report(field, `its shapes do not agree (${shape.error.code} in ${printExpr(shape.error.at)})`, false, {
        code: 'shape_error',
        error: shape.error,
      });
      return undefined;
    }
    return { expr: result.expr, shape: shape.info.shape };
  };

  const given: Given[] = [];
  for (const [name, source] of Object.entries(check.given ?? {})) {
    if (shapes.has(name)) {
      report(`check.given.${name}`, `"${name}" is already a var`);
      continue;
    }
    const readGiven = read(source, `check.given.${name}`);
    if (readGiven === undefined) {
      // Known by name from here on, so that one bad definition is reported once, not at every use.
      shapes.set(name, { kind: 'scalar' });
      continue;
    }
    given.push({ name, source, expr: readGiven.expr });
    shapes.set(name, readGiven.shape);
  }

  const knownNames = new Set<string>([...shapes.keys(), ...FUNCTION_NAMES]);
  const entries: PartEntry[] = check.parts ?? [{ label: '1' }];
  const parts: Part[] = [];
  entries.forEach((entry, index) => {
    const at = (field: keyof PartEntry) =>
      entry[field] !== undefined && check.parts !== undefined
        ? `check.parts[${index}].${field}`
        : `check.${field}`;
    if (parts.some((p) => p.label === entry.label))
      report(`check.parts[${index}].label`, `the label "${entry.label}" is used twice`);

    const lossSource = entry.loss ?? check.loss;
    const loss = read(lossSource, at('loss'));
    if (loss !== undefined && loss.shape.kind !== 'scalar') report(at('loss'), 'the loss must be a scalar');

    const wrt = entry.wrt ?? check.wrt;
    const wrtSpec = vars.get(wrt);
    if (wrtSpec === undefined || !['real', 'vector', 'matrix'].includes(wrtSpec.kind)) {
      report(
        at('wrt'),
        `"${wrt}" must name a real var (a scalar range, a vector or a matrix), not a given name or a drawn class`,
      );
    }

    const answerSource = entry.answer ?? check.answer;
    if (answerSource === undefined) {
      report(`check.answer`, 'an answer is required (on the card, or on every part)');
      return;
    }
    const answer = read(answerSource, at('answer'));
    const wrtShape = shapes.get(wrt);
    if (answer !== undefined && wrtShape !== undefined && !sameShape(answer.shape, wrtShape))
      report(at('answer'), `the answer must have the shape of ${wrt} (${describeShape(wrtShape)})`);

    for (const key of ['require', 'forbid'] as const) {
      (entry[key] ?? []).forEach((name, i) => {
        if (!knownNames.has(name))
          report(`check.parts[${index}].${key}[${i}]`, `"${name}" is not a name of this card`);
      });
    }

    const mistakeEntries: MistakeEntry[] = entry.mistakes ?? check.mistakes ?? [];
    const mistakes: KnownMistake[] = [];
    mistakeEntries.forEach((m, i) => {
      const readMistake = read(m.answer, `${at('mistakes')}[${i}].answer`);
      if (readMistake !== undefined)
        mistakes.push({
          id: m.id ?? String(i + 1),
          answer: m.answer,
          expr: readMistake.expr,
          feedback: m.feedback,
        });
    });

    if (loss === undefined || answer === undefined) return;
    const sign: SignRule = entry.sign ?? check.sign ?? 'strict';
    parts.push({
      label: entry.label,
      prompt: entry.prompt ?? '',
      loss: loss.expr,
      lossSource,
      wrt,
      answer: answer.expr,
      answerSource,
      sign,
      require: entry.require ?? [],
      forbid: entry.forbid ?? [],
      hints: entry.hints ?? check.hints ?? [],
      mistakes,
      fields: { answer: at('answer'), mistakes: at('mistakes') },
    });
  });

  return { vars, given, shapes, aliases, parts };
}
