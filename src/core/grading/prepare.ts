import type { NumericCard as Card, Part } from '../cards/card.ts';
import { numberAlgebra } from '../expr/algebra.ts';
import { compile, type Compiled, type Frame, type Layout, type Val } from '../expr/compile.ts';
import { dualAlgebra, type Dual } from '../expr/dual.ts';
import type { Rng } from '../random/rng.ts';
import { PointSampler } from './samplePoints.ts';
import { isDefined } from './tolerance.ts';

/**
 * How many points an answer is checked at. WeBWorK and Numbas use 5; with a discrete `y ∈ {0, 1}`
 * an answer wrong only when y = 1 would then pass one time in 32. gradquiz cycles through the
 * discrete combinations and checks 20 points, so such an answer meets each case several times, and
 * an answer wrong on half of the continuous space (a relu branch) passes with probability 2⁻²⁰.
 */
const POINT_COUNT = 20;
/** Draws allowed per point before the card is declared undefined there. */
const MAX_DRAWS_PER_POINT = 25;

/** One random point: the value of every name (vars, then given), and what the answer is compared with. */
export interface SamplePoint {
  readonly values: Val<number>[];
  readonly reference: Val<number>;
  /** The value of each of the part's known mistakes at this point (undefined when not evaluable). */
  readonly mistakes: readonly (Val<number> | undefined)[];
}

/** A part made ready for grading: its points, reference values and name slots. */
export interface PreparedPart {
  readonly card: Card;
  readonly part: Part;
  readonly layout: Layout;
  readonly points: readonly SamplePoint[];
  /** What the answer should be, in symbols: `∂ℓ/∂w`, or a step's `∂yhat/∂s`. */
  readonly target: string;
  /** A step of a derivation: graded the same way, but not diagnosed against the card's chain. */
  readonly isStep: boolean;
  /** Seeds the extra draws that diagnosing a wrong answer needs, so that `--seed` still reproduces. */
  readonly analysisSeed: number;
}

/** The closures of a card's chain, compiled once per part and algebra. */
export interface Chain {
  readonly layout: Layout;
  readonly givenNumber: Compiled<number>[];
  readonly givenDual: Compiled<Dual>[];
  readonly lossDual: Compiled<Dual>;
  readonly mistakes: Compiled<number>[];
}

const chains = new WeakMap<Part, Chain>();

/** Name → slot: vars first, in declaration order, then given names. */
function slotsOf(card: Card): Map<string, number> {
  const slots = new Map<string, number>();
  for (const name of card.vars.keys()) slots.set(name, slots.size);
  for (const g of card.given) slots.set(g.name, slots.size);
  return slots;
}

const layouts = new WeakMap<Card, Layout>();

/** The card's slots and shapes, which every expression of the card is compiled against. */
export function layoutOf(card: Card): Layout {
  let layout = layouts.get(card);
  if (layout === undefined) {
    layout = { slots: slotsOf(card), shapes: card.shapes };
    layouts.set(card, layout);
  }
  return layout;
}

export function chainOf(card: Card, part: Part): Chain {
  let chain = chains.get(part);
  if (chain === undefined) {
    const layout = layoutOf(card);
    chain = {
      layout,
      givenNumber: card.given.map((g) => compile(g.expr, numberAlgebra, layout)),
      givenDual: card.given.map((g) => compile(g.expr, dualAlgebra, layout)),
      lossDual: compile(part.loss, dualAlgebra, layout),
      mistakes: part.mistakes.map((m) => compile(m.expr, numberAlgebra, layout)),
    };
    chains.set(part, chain);
  }
  return chain;
}

/** Evaluates the given names in order into `frame` (they may use each other), from the `from`-th on. */
export function evaluateGiven<T>(
  frame: Frame<T>,
  given: readonly Compiled<T>[],
  first: number,
  from = 0,
): void {
  for (let i = from; i < given.length; i++) frame.values[first + i] = (given[i] as Compiled<T>)(frame);
}

const lift = (v: Val<number>): Val<Dual> =>
  Array.isArray(v) ? v.map((x: number) => ({ v: x, d: 0 })) : { v: v as number, d: 0 };

/**
 * The gradient of a loss with respect to the name `wrt` at one point, by forward-mode
 * differentiation: one pass of dual numbers per component of `wrt`, seeding that component, with
 * the given names after it recomputed in each pass. `values` are the vars (then every given is
 * recomputed), or the whole point when `wrt` is a given name (a layer's δ = ∂ℓ/∂z1).
 */
export function gradientOf(
  card: Card,
  lossDual: Compiled<Dual>,
  wrt: string,
  vars: readonly Val<number>[],
  chain: Pick<Chain, 'layout' | 'givenDual'>,
): Val<number> {
  const wrtSlot = chain.layout.slots.get(wrt) as number;
  const wrtValue = vars[wrtSlot] as Val<number>;
  const base = vars.map(lift);
  const from = Math.max(0, wrtSlot + 1 - card.vars.size);
  const pass = (seed: Val<Dual>): number => {
    const frame: Frame<Dual> = { values: [...base], letters: {} };
    frame.values[wrtSlot] = seed;
    evaluateGiven(frame, chain.givenDual, card.vars.size, from);
    const loss = lossDual(frame);
    return Array.isArray(loss) ? Number.NaN : (loss as Dual).d;
  };
  if (!Array.isArray(wrtValue)) return pass({ v: wrtValue as number, d: 1 });
  return wrtValue.map((_, k) => pass(wrtValue.map((x: number, i) => ({ v: x, d: i === k ? 1 : 0 }))));
}

/**
 * The partial derivative of one expression with respect to one name, every other name held at
 * its value at the point: a link of the chain rule (∂ŷ/∂s with s held as a number). A vector
 * name gives the vector of partials.
 */
export function partialOf(expr: Compiled<Dual>, by: number, values: readonly Val<number>[]): Val<number> {
  const base = values.map(lift);
  const pass = (seed: Val<Dual>): number => {
    const frame: Frame<Dual> = { values: [...base], letters: {} };
    frame.values[by] = seed;
    const out = expr(frame);
    return Array.isArray(out) ? Number.NaN : (out as Dual).d;
  };
  const at = values[by] as Val<number>;
  if (!Array.isArray(at)) return pass({ v: at as number, d: 1 });
  return at.map((_, k) => pass(at.map((x: number, i) => ({ v: x, d: i === k ? 1 : 0 }))));
}

export type Preparation = { ok: true; prepared: PreparedPart } | { ok: false; reason: string };

/**
 * Draws the points a part is graded at and computes the reference there. Points where the
 * reference is undefined (NaN, infinite) are redrawn; a part whose reference stays undefined is
 * reported, not graded.
 */
export function preparePart(card: Card, part: Part, rng: Rng): Preparation {
  const chain = chainOf(card, part);
  const reference = (values: readonly Val<number>[]) =>
    gradientOf(card, chain.lossDual, part.wrt, values.slice(0, card.vars.size), chain);
  return preparePoints(card, part, rng, reference, { target: `∂ℓ/∂${part.wrt}`, isStep: false });
}

/** Draws the points and computes `reference` at each, for a part or for one step of it. */
export function preparePoints(
  card: Card,
  part: Part,
  rng: Rng,
  reference: (values: readonly Val<number>[]) => Val<number>,
  about: Pick<PreparedPart, 'target' | 'isStep'>,
): Preparation {
  const chain = chainOf(card, part);
  const sampler = new PointSampler(card.vars, rng);
  const points: SamplePoint[] = [];
  for (let k = 0; k < POINT_COUNT; k++) {
    let point: SamplePoint | undefined;
    for (let draw = 0; draw < MAX_DRAWS_PER_POINT && point === undefined; draw++) {
      // After a few failures, let another discrete combination be tried (e.g. log(y) at y = 0).
      const values: Val<number>[] = [...sampler.draw(draw < 5 ? k : k + draw).values()];
      const frame: Frame<number> = { values, letters: {} };
      evaluateGiven(frame, chain.givenNumber, card.vars.size);
      if (!values.every(isDefined)) continue;
      const expected = reference(values);
      if (!isDefined(expected)) continue;
      const mistakes = chain.mistakes.map((m) => safely(() => m({ values, letters: {} })));
      point = { values, reference: expected, mistakes };
    }
    if (point === undefined)
      return {
        ok: false,
        reason: `the gradient of the loss is undefined at every point drawn (${MAX_DRAWS_PER_POINT} draws)`,
      };
    points.push(point);
  }
  const analysisSeed = Math.floor(rng() * 2 ** 31);
  return { ok: true, prepared: { card, part, layout: chain.layout, points, analysisSeed, ...about } };
}

function safely(f: () => Val<number>): Val<number> | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
