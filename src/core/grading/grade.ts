import type { NumericCard as Card, Part } from '../cards/card.ts';
import { cardVocabulary } from '../cards/vocabulary.ts';
import { numberAlgebra } from '../expr/algebra.ts';
import { compile, componentwise, IndexOutOfRange, type Val } from '../expr/compile.ts';
import { answerCost, WORK_BUDGET } from './cost.ts';
import { roundingCheck } from './rounding.ts';
import { inferShape, sameShape, type Shape } from '../expr/shape.ts';
import { readExpression } from '../reader/index.ts';
import type { PreparedPart, SamplePoint } from './prepare.ts';
import { diagnose } from './diagnose.ts';
import { isClose, isDefined } from './tolerance.ts';
import type { Reason, Verdict } from './verdict.ts';

/** How the answer compared with the reference at every point. */
interface Comparison {
  readonly values: readonly Val<number>[];
  readonly equal: readonly boolean[];
  readonly negated: readonly boolean[];
}

/**
 * Grades one answer against a prepared part (SPEC section 1, "Grading semantics"). Never throws at
 * a student: every input comes back as one of the four verdicts.
 */
export interface GradeOptions {
  /** Explain wrong answers from the card's chain (default true; steps are never diagnosed). */
  readonly diagnose?: boolean;
}

export function gradeAgainst(prepared: PreparedPart, input: string, options: GradeOptions = {}): Verdict {
  const { card, part, layout, points } = prepared;
  const read = readExpression(input, cardVocabulary(card));
  if (!read.ok) return { verdict: 'invalid', reason: { code: 'unreadable', error: read.error } };
  const normalized = read.normalized;
  const invalid = (reason: Reason): Verdict => ({ verdict: 'invalid', reason, normalized });
  const shape = inferShape(read.expr, card.shapes);
  if (!shape.ok) return invalid({ code: 'shape_error', error: shape.error });
  const { free } = shape.info;
  const cost = answerCost(read.expr, card, free);
  if (!(cost.work <= WORK_BUDGET))
    return invalid({ code: 'too_much_work', work: cost.work, budget: WORK_BUDGET, loops: cost.loops });

  const letters = free?.map((f) => f.letter);
  const body = compile(read.expr, numberAlgebra, layout);
  const evaluate =
    letters === undefined ? body : componentwise(body, letters, read.expr, layout, numberAlgebra);
  let values: Val<number>[];
  try {
    values = points.map((p) => evaluate({ values: p.values, letters: {} }));
  } catch (error) {
    if (error instanceof IndexOutOfRange)
      return invalid({
        code: 'index_out_of_range',
        vector: error.vectorName,
        position: error.position,
        length: error.length,
      });
    throw error;
  }

  const incorrect = (mistake: string | undefined, reason: Reason): Verdict => ({
    verdict: 'incorrect',
    ...(mistake !== undefined ? { mistake } : {}),
    reason,
    normalized,
  });
  const { target } = prepared;
  const expected = card.shapes.get(part.wrt) as Shape;
  const known = matchKnownMistake(part, points, values);
  if (known !== undefined)
    return incorrect(`card:${known.id}`, { code: 'card_mistake', id: known.id, feedback: known.feedback });
  // Dimension names are compared before numbers: an n×m answer has as many entries as an m×n gradient.
  const matrixInvolved = shape.info.shape.kind === 'matrix' || expected.kind === 'matrix';
  if ((matrixInvolved && !sameShape(shape.info.shape, expected)) || !sameShapeEverywhere(values, points))
    return incorrect('shape', { code: 'shape', target, got: shape.info.shape, expected });

  const undefinedAt = values.findIndex((v) => !isDefined(v));
  if (undefinedAt >= 0)
    return incorrect(undefined, {
      code: 'undefined_at',
      at: scalarsAt(card, points[undefinedAt] as SamplePoint),
    });

  const rounding = roundingCheck(read.expr, letters, layout, points);
  const compare = (sign: 1 | -1) =>
    values.map((v, i) => isClose(v, (points[i] as SamplePoint).reference, sign));
  const plainEqual = compare(1);
  // Only an answer that missed somewhere gets the second, rounding-aware look at its misses.
  const widen = (close: boolean[], sign: 1 | -1) =>
    plainEqual.every(Boolean) ? close : close.map((ok, i) => ok || rounding(i, sign));
  const comparison: Comparison = { values, equal: widen(plainEqual, 1), negated: widen(compare(-1), -1) };
  const allEqual = comparison.equal.every(Boolean);
  const allNegated = comparison.negated.every(Boolean);
  if (allEqual || (allNegated && part.sign === 'either')) {
    const broken = simplificationProblem(part, read.names);
    const note = allEqual ? undefined : 'other_sign_convention';
    if (broken !== undefined)
      return { verdict: 'not_simplified', reason: broken, normalized, ...(note ? { note } : {}) };
    return note
      ? { verdict: 'correct', note, reason: { code: 'correct_other_sign', target }, normalized }
      : { verdict: 'correct', reason: { code: 'correct', target }, normalized };
  }
  if (allNegated) return incorrect('sign', { code: 'sign', target });
  const evaluateAt = (at: Val<number>[]) => {
    try {
      return evaluate({ values: at, letters: {} });
    } catch {
      return undefined;
    }
  };
  const diagnosis =
    prepared.isStep || options.diagnose === false ? undefined : diagnose(prepared, values, evaluateAt);
  if (diagnosis !== undefined) return incorrect(diagnosis.mistake, diagnosis.reason);
  if (comparison.equal.every((eq, i) => eq || comparison.negated[i]))
    return incorrect(undefined, { code: 'mixed_sign', target });
  const wrong = comparison.equal.filter((eq) => !eq).length;
  return incorrect(undefined, { code: 'differs', target, wrong, total: points.length });
}

/** The card's own mistake the answer equals (or, under `sign: either`, equals negated) at every point. */
function matchKnownMistake(
  part: Part,
  points: readonly SamplePoint[],
  values: readonly Val<number>[],
): Part['mistakes'][number] | undefined {
  const signs: (1 | -1)[] = part.sign === 'either' ? [1, -1] : [1];
  return part.mistakes.find((_, m) =>
    signs.some((sign) =>
      points.every((p, i) => {
        const target = p.mistakes[m];
        return target !== undefined && isClose(values[i] as Val<number>, target, sign);
      }),
    ),
  );
}

function sameShapeEverywhere(values: readonly Val<number>[], points: readonly SamplePoint[]): boolean {
  return values.every((v, i) => {
    const r = (points[i] as SamplePoint).reference;
    return (
      Array.isArray(v) === Array.isArray(r) && (!Array.isArray(v) || v.length === (r as number[]).length)
    );
  });
}

/** What an answer equal to the reference still breaks of the part's `require`/`forbid`. */
function simplificationProblem(part: Part, names: ReadonlySet<string>): Reason | undefined {
  const missing = part.require.filter((n) => !names.has(n));
  const forbidden = part.forbid.filter((n) => names.has(n));
  if (missing.length === 0 && forbidden.length === 0) return undefined;
  return { code: 'not_simplified', missing, forbidden };
}

/** The scalar names at a point with their values, enough for a student to see where their answer breaks down. */
function scalarsAt(card: Card, point: SamplePoint): [string, number][] {
  const names = [...card.vars.keys(), ...card.given.map((g) => g.name)];
  return names.flatMap((name, i) => {
    const value = point.values[i];
    return typeof value === 'number' ? [[name, value] as [string, number]] : [];
  });
}
