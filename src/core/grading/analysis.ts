import { dimensionsOf } from '../cards/card.ts';
import { chainPaths, LOSS } from '../cards/chain.ts';
import { compile, type Compiled, type Frame, type Val } from '../expr/compile.ts';
import { dualAlgebra, type Dual } from '../expr/dual.ts';
import { additiveTerms } from '../expr/names.ts';
import { numberAlgebra } from '../expr/algebra.ts';
import type { Expr } from '../expr/ast.ts';
import { seededRng } from '../random/rng.ts';
import { activationSlips, type ActivationSlip } from './activations.ts';
import { PointSampler } from './samplePoints.ts';
import { chainOf, evaluateGiven, gradientOf, partialOf, type PreparedPart } from './prepare.ts';
import { isClose, isDefined } from './tolerance.ts';

/**
 * What the card's own chain says about a part, at the prepared points: the links of the chain
 * rule, the gradients of the loss's additive terms, and which vars the gradient depends on. Used
 * to explain a wrong answer; computed once per prepared part, on the first wrong answer.
 */
export interface Analysis {
  /** Scalar links and products of consecutive links, with their value at each point. */
  readonly factors: readonly Factor[];
  /** Vector activations on the chain, with the gradient their derivative dropped or doubled. */
  readonly activations: readonly ActivationSlip[];
  /** The gradient of each additive term of the loss, when the loss has two or more. */
  readonly terms: readonly TermGradient[];
  /** Vars the gradient depends on, with the points moved along that var alone. */
  readonly dependencies: readonly Dependency[];
}

export interface Factor {
  /** The names along the chain, from the outer one: ['l', 'yhat', 's'] is ∂ℓ/∂ŷ · ∂ŷ/∂s = ∂ℓ/∂s. */
  readonly path: readonly string[];
  /** The definition of the link's outer name, when the factor is a single link (for its words). */
  readonly outer?: Expr;
  readonly values: readonly number[];
}

interface TermGradient {
  readonly term: Expr;
  readonly sign: 1 | -1;
  readonly values: readonly Val<number>[];
}

interface Dependency {
  readonly name: string;
  /** A few prepared points with this var redrawn, and given names recomputed. */
  readonly moved: readonly { readonly index: number; readonly values: Val<number>[] }[];
}

const MOVED_POINTS = 4;

const analyses = new WeakMap<PreparedPart, Analysis>();

export function analysisOf(prepared: PreparedPart): Analysis {
  let analysis = analyses.get(prepared);
  if (analysis === undefined) {
    analysis = analyse(prepared);
    analyses.set(prepared, analysis);
  }
  return analysis;
}

function analyse(prepared: PreparedPart): Analysis {
  return {
    factors: factors(prepared),
    activations: activationSlips(prepared),
    terms: terms(prepared),
    dependencies: dependencies(prepared),
  };
}

function factors(prepared: PreparedPart): Factor[] {
  const { card, part, layout, points } = prepared;
  const { slots } = layout;
  const compiled = new Map<string, { expr: Expr; dual: Compiled<Dual> }>([
    [LOSS, { expr: part.loss, dual: compile(part.loss, dualAlgebra, layout) }],
    ...card.given.map((g): [string, { expr: Expr; dual: Compiled<Dual> }] => [
      g.name,
      { expr: g.expr, dual: compile(g.expr, dualAlgebra, layout) },
    ]),
  ]);
  const isScalar = (name: string) => name === LOSS || card.shapes.get(name)?.kind === 'scalar';
  const seen = new Set<string>();
  const out: Factor[] = [];
  for (const path of chainPaths(card, part)) {
    // Links whose both ends are scalars can be a forgotten or extra factor; ∂s/∂w (a vector)
    // would change the shape, which the shape diagnosis already names.
    const scalarStretch = path.slice(0, -1).filter(isScalar);
    const linkValues = scalarStretch.slice(0, -1).map((outer, i) => {
      const inner = scalarStretch[i + 1] as string;
      const def = compiled.get(outer);
      const slot = slots.get(inner);
      return points.map((p) =>
        def === undefined || slot === undefined
          ? Number.NaN
          : (partialOf(def.dual, slot, p.values) as number),
      );
    });
    for (let from = 0; from < linkValues.length; from++) {
      for (let to = from; to < linkValues.length; to++) {
        const names = scalarStretch.slice(from, to + 2);
        const key = names.join('>');
        if (seen.has(key)) continue;
        seen.add(key);
        const values = points.map((_, p) =>
          linkValues.slice(from, to + 1).reduce((acc, link) => acc * (link[p] as number), 1),
        );
        const outer = from === to ? compiled.get(names[0] as string)?.expr : undefined;
        out.push({ path: names, ...(outer !== undefined ? { outer } : {}), values });
      }
    }
  }
  return out;
}

function terms(prepared: PreparedPart): TermGradient[] {
  const { card, part, points } = prepared;
  const split = additiveTerms(part.loss);
  if (split.length < 2) return [];
  const chain = chainOf(card, part);
  return split.map(({ expr, sign }) => {
    const dual = compile(expr, dualAlgebra, chain.layout);
    return {
      term: expr,
      sign,
      values: points.map((p) => {
        const g = gradientOf(card, dual, part.wrt, p.values.slice(0, card.vars.size), chain);
        return Array.isArray(g) ? g.map((x: number) => sign * x) : sign * (g as number);
      }),
    };
  });
}

function dependencies(prepared: PreparedPart): Dependency[] {
  const { card, part, points } = prepared;
  const chain = chainOf(card, part);
  const givenNumber = card.given.map((g) => compile(g.expr, numberAlgebra, chain.layout));
  const sampler = new PointSampler(card.vars, seededRng(prepared.analysisSeed));
  // A var that sets a vector's length or a matrix's dimension cannot move alone.
  const lengths = new Set(
    [...card.vars.values()].flatMap((s) => dimensionsOf(s).filter((d) => typeof d === 'string')),
  );
  const out: Dependency[] = [];
  [...card.vars.keys()].forEach((name, slot) => {
    if (lengths.has(name)) return;
    const moved: Dependency['moved'][number][] = [];
    let changes = false;
    for (let index = 0; index < Math.min(MOVED_POINTS, points.length); index++) {
      const original = points[index]!;
      for (let attempt = 0; attempt < 10; attempt++) {
        const fresh = sampler.draw(index + attempt + 1).get(name) as Val<number>;
        if (!sameLengthAs(fresh, original.values[slot] as Val<number>)) continue;
        const values = [...original.values];
        values[slot] = fresh;
        const frame: Frame<number> = { values, letters: {} };
        evaluateGiven(frame, givenNumber, card.vars.size);
        const reference = gradientOf(card, chain.lossDual, part.wrt, values.slice(0, card.vars.size), chain);
        if (
          !values.every(isDefined) ||
          !isDefined(reference) ||
          isClose(values[slot] as Val<number>, original.values[slot] as Val<number>)
        )
          continue;
        if (!isClose(reference, original.reference)) changes = true;
        moved.push({ index, values });
        break;
      }
    }
    if (changes && moved.length > 0) out.push({ name, moved });
  });
  return out;
}

function sameLengthAs(a: Val<number>, b: Val<number>): boolean {
  return Array.isArray(a) === Array.isArray(b) && (!Array.isArray(a) || a.length === (b as number[]).length);
}
