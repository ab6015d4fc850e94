import type { Val } from '../expr/compile.ts';
import type { Scaled } from '../expr/scaled.ts';

/**
 * How close an answer must be to the reference at one point. The reference is exact to rounding
 * (forward-mode differentiation), so the tolerance only has to absorb the rounding of a different
 * but equivalent closed form, which stays far below 1e-9 relative on these ranges; 1e-6 leaves a
 * wide margin and is still 100× tighter than WeBWorK's 1e-4. The floor handles a reference at 0.
 */
const RELATIVE_TOLERANCE = 1e-6;
const ABSOLUTE_TOLERANCE = 1e-10;

const components = (v: Val<number>): readonly number[] => (Array.isArray(v) ? v : [v as number]);

/** The largest absolute component: the "size" of a vector, against which every component is compared. */
export function magnitude(v: Val<number>): number {
  return components(v).reduce((m, x) => Math.max(m, Math.abs(x)), 0);
}

export function isDefined(v: Val<number>): boolean {
  return components(v).every(Number.isFinite);
}

/** Whether `answer` equals `sign × reference` componentwise, relative to the size of the reference. */
export function isClose(answer: Val<number>, reference: Val<number>, sign: 1 | -1 = 1): boolean {
  const a = components(answer);
  const r = components(reference);
  if (a.length !== r.length) return false;
  const tolerance = RELATIVE_TOLERANCE * magnitude(reference) + ABSOLUTE_TOLERANCE;
  return a.every((x, i) => Math.abs(x - sign * (r[i] as number)) <= tolerance);
}

/**
 * Rounding a student's own form may incur, per unit of its carried scale (`scaled.ts`): about ε per
 * operation, for up to a few hundred operations. It only widens the tolerance where large terms
 * cancel, and never by more than RELATIVE_TOLERANCE of the reference's size (or 1, below it), so an
 * answer padded with huge cancelling terms cannot hide a real difference.
 */
const ROUNDING_PER_SCALE = 1024 * Number.EPSILON;

/** Whether `answer` equals `sign × reference` once the rounding of its own evaluation is allowed for. */
export function isCloseAfterRounding(answer: Val<Scaled>, reference: Val<number>, sign: 1 | -1 = 1): boolean {
  const a: readonly Scaled[] = Array.isArray(answer) ? answer : [answer as Scaled];
  const r = components(reference);
  if (a.length !== r.length) return false;
  const size = magnitude(reference);
  const tolerance = RELATIVE_TOLERANCE * size + ABSOLUTE_TOLERANCE;
  const cap = RELATIVE_TOLERANCE * Math.max(1, size);
  return a.every(
    (x, i) => Math.abs(x.v - sign * (r[i] as number)) <= tolerance + Math.min(cap, ROUNDING_PER_SCALE * x.m),
  );
}
