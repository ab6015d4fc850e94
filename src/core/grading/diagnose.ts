import type { Val } from '../expr/compile.ts';
import { printExpr } from '../expr/print.ts';
import { LOSS } from '../cards/chain.ts';
import { analysisOf, type Factor } from './analysis.ts';
import type { PreparedPart, SamplePoint } from './prepare.ts';
import { isClose, magnitude } from './tolerance.ts';
import { transposeMistake } from './transposes.ts';
import type { ChainFactor, Reason } from './verdict.ts';

/** A recognised cause of a wrong answer: a mistake code with an optional detail, and the reason as data. */
export interface Diagnosis {
  readonly mistake: string;
  readonly reason: Reason;
}

/** Points with a non-zero reference needed before a constant ratio is claimed. */
const MIN_RATIOS = 5;

const components = (v: Val<number>): readonly number[] => (Array.isArray(v) ? v : [v as number]);
const scale = (v: Val<number>, c: number): Val<number> =>
  Array.isArray(v) ? v.map((x: number) => c * x) : c * (v as number);
const minus = (a: Val<number>, b: Val<number>, k = 1): Val<number> =>
  Array.isArray(a)
    ? a.map((x: number, i) => x - k * ((b as number[])[i] as number))
    : (a as number) - k * (b as number);

/**
 * Explains an incorrect answer from the numbers alone, in SPEC order after the card's mistakes,
 * sign and shape: a constant factor, a missing or extra link of the chain rule, a missing loss
 * term, a var the answer ignores. Each claim must hold at every point: a wrong diagnosis is worse
 * than none, so an answer matching nothing gets nothing.
 */
export function diagnose(
  prepared: PreparedPart,
  values: readonly Val<number>[],
  evaluateAt: (values: Val<number>[]) => Val<number> | undefined,
): Diagnosis | undefined {
  const signs: (1 | -1)[] = prepared.part.sign === 'either' ? [1, -1] : [1];
  const { points } = prepared;
  const everywhere = (target: (p: SamplePoint, i: number) => Val<number> | undefined) =>
    signs.some((sign) =>
      points.every((p, i) => {
        const t = target(p, i);
        return t !== undefined && isClose(values[i] as Val<number>, t, sign);
      }),
    );

  const transposed = transposeMistake(prepared, everywhere);
  if (transposed !== undefined)
    return { mistake: 'transpose', reason: { code: 'transpose', wrt: prepared.part.wrt, ...transposed } };

  const constant = constantFactor(prepared, values, signs.length === 2);
  if (constant !== undefined)
    return { mistake: `constant_factor:${constant}`, reason: { code: 'constant_factor', factor: constant } };

  const analysis = analysisOf(prepared);
  const usable = (f: Factor) => f.values.every((x) => Number.isFinite(x) && x !== 0);
  for (const factor of analysis.factors.filter(usable)) {
    if (everywhere((p, i) => scale(p.reference, 1 / (factor.values[i] as number))))
      return {
        mistake: `missing_factor:${linkName(factor)}`,
        reason: { code: 'missing_factor', factor: chainFactor(factor, false) },
      };
    if (everywhere((p, i) => scale(p.reference, factor.values[i] as number)))
      return {
        mistake: `extra_factor:${linkName(factor)}`,
        reason: { code: 'extra_factor', factor: chainFactor(factor, false) },
      };
  }

  for (const slip of analysis.activations) {
    const factor = { path: slip.path, outer: slip.outer };
    if (everywhere((_, i) => slip.dropped[i]))
      return {
        mistake: `missing_factor:${linkName(factor)}`,
        reason: { code: 'missing_factor', factor: chainFactor(factor, true) },
      };
    if (everywhere((_, i) => slip.twice[i]))
      return {
        mistake: `extra_factor:${linkName(factor)}`,
        reason: { code: 'extra_factor', factor: chainFactor(factor, true) },
      };
  }

  for (const term of analysis.terms) {
    const matters = term.values.some(
      (t, i) => magnitude(t) > 1e-9 * Math.max(1, magnitude(points[i]!.reference)),
    );
    if (!matters) continue;
    const text = printExpr(term.term);
    if (everywhere((p, i) => minus(p.reference, term.values[i] as Val<number>)))
      return { mistake: `missing_term:${text}`, reason: { code: 'missing_term', term: text } };
    if (everywhere((p, i) => minus(p.reference, term.values[i] as Val<number>, 2)))
      return { mistake: `missing_term:${text}`, reason: { code: 'flipped_term', term: text } };
  }

  for (const dependency of analysis.dependencies) {
    const unchanged = dependency.moved.every(({ index, values: moved }) => {
      const v = evaluateAt(moved);
      return v !== undefined && isClose(v, values[index] as Val<number>);
    });
    if (unchanged)
      return { mistake: `ignores:${dependency.name}`, reason: { code: 'ignores', name: dependency.name } };
  }
  return undefined;
}

/** `dl/dyhat`, `dyhat/ds`, or `dl/ds` for a product of consecutive links. */
function linkName(factor: Pick<Factor, 'path'>): string {
  return `d${factor.path[0]}/d${factor.path[factor.path.length - 1]}`;
}

/** The link as data for the words: its two ends, and the activation it differentiates, if any. */
function chainFactor(factor: Pick<Factor, 'path' | 'outer'>, entrywise: boolean): ChainFactor {
  const outer = factor.path[0] as string;
  return {
    outer,
    inner: factor.path[factor.path.length - 1] as string,
    ofLoss: outer === LOSS,
    directLoss: outer === LOSS && factor.path.length === 2,
    ...(factor.outer?.kind === 'call' ? { fn: factor.outer.fn } : {}),
    entrywise,
  };
}

/** Formats a ratio the way a teacher would say it: 2, 1/2, -3, 2/3, n, 1/n, or a decimal. */
function formatRatio(c: number): string {
  for (let q = 1; q <= 12; q++) {
    const p = Math.round(c * q);
    if (p !== 0 && Math.abs(c * q - p) <= 1e-9 * Math.max(1, Math.abs(c * q)))
      return q === 1 ? `${p}` : `${p}/${q}`;
  }
  return String(Number(c.toPrecision(4)));
}

/**
 * The constant c (other than ±1) with answer = c × reference at every point, or the vector length
 * n (or 1/n) when the ratio follows it.
 */
function constantFactor(
  prepared: PreparedPart,
  values: readonly Val<number>[],
  eitherSign: boolean,
): string | undefined {
  // The ratio is read where the reference is not zero; where it is, the answer must be zero too.
  const ratios: (number | undefined)[] = [];
  for (const [i, p] of prepared.points.entries()) {
    const r = components(p.reference);
    const a = components(values[i] as Val<number>);
    let k = 0;
    r.forEach((x, j) => {
      if (Math.abs(x) > Math.abs(r[k] as number)) k = j;
    });
    const rk = r[k] as number;
    if (Math.abs(rk) < 1e-9) {
      if (!isClose(values[i] as Val<number>, p.reference)) return undefined;
      ratios.push(undefined);
      continue;
    }
    const c = (a[k] as number) / rk;
    if (!Number.isFinite(c) || !isClose(values[i] as Val<number>, scale(p.reference, c))) return undefined;
    ratios.push(c);
  }
  const known = ratios.filter((c): c is number => c !== undefined);
  if (known.length < MIN_RATIOS) return undefined;
  const first = known[0] as number;
  const near = (x: number, y: number) => Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(y));
  const sign = eitherSign && first < 0 ? -1 : 1;
  if (known.every((c) => near(c, first))) {
    const c = sign * first;
    if (near(Math.abs(c), 1) || near(c, 0)) return undefined;
    return formatRatio(c);
  }
  // The ratio moves from point to point: it may be the length of the vectors (a sum instead of a mean).
  const wrtSlot =
    prepared.card.shapes.get(prepared.part.wrt)?.kind === 'vector'
      ? prepared.layout.slots.get(prepared.part.wrt)
      : undefined;
  const lengths = prepared.points.map((p) => (wrtSlot === undefined ? undefined : p.values[wrtSlot]));
  const n = lengths.map((v) => (Array.isArray(v) ? v.length : Number.NaN));
  const follows = (f: (n: number) => number) =>
    ratios.every((c, i) => c === undefined || near(sign * c, f(n[i] as number)));
  if (follows((x) => x)) return sign === 1 ? 'n' : '-n';
  if (follows((x) => 1 / x)) return sign === 1 ? '1/n' : '-1/n';
  return undefined;
}
