import type { NumericCard as Card, Part } from '../cards/card.ts';
import { chainPaths, definitions, LOSS } from '../cards/chain.ts';
import type { Expr } from '../expr/ast.ts';
import { compile } from '../expr/compile.ts';
import { dualAlgebra } from '../expr/dual.ts';
import {
  chainOf,
  gradientOf,
  layoutOf,
  partialOf,
  preparePoints,
  type Preparation,
} from '../grading/prepare.ts';
import type { Rng } from '../random/rng.ts';
import { differentiate } from './differentiate.ts';
import { layerSteps } from './layers.ts';
import { useNames, type Step } from './step.ts';

export type { Step } from './step.ts';

/**
 * The intermediate results a derivation of this part goes through, outermost first: for the first
 * card ∂ℓ/∂ŷ, ∂ŷ/∂s, ∂s/∂w. Taken from the first path of the card's chain, so a card needs no
 * authoring for them.
 */
export function stepsOf(card: Card, part: Part): Step[] {
  const path = chainPaths(card, part)[0];
  if (path === undefined || path.length < 3) return [];
  // Through a network's layers, the steps are the errors δ and the weights' gradients, layer by layer.
  const layers = layerSteps(card, part, path);
  if (layers.length > 0) return layers;
  const defs = definitions(card, part);
  // A vector-valued link (the softmax's ∂p/∂z) is a Jacobian: the steps stop before it.
  const scalarEnd = path.findIndex(
    (name, i) => i > 0 && i < path.length - 1 && card.shapes.get(name)?.kind === 'vector',
  );
  const links = path.slice(0, scalarEnd === -1 ? -1 : scalarEnd);
  return links.map((of, i) => {
    const by = path[i + 1] as string;
    const expr = defs.get(of) as Expr;
    const derivative = differentiate(expr, by, card.shapes.get(by)?.kind === 'vector');
    const form = derivative === undefined ? undefined : useNames(derivative, card.given);
    const shown = of === LOSS ? 'ℓ' : of;
    const key = `d${of}/d${by}`;
    return { key, title: `∂${shown}/∂${by}`, of, by, expr, through: 'link', ...(form ? { form } : {}) };
  });
}

/** The part-like target a step is graded as: its own reference, the card's sign rule, no authored mistakes. */
export function prepareStep(card: Card, part: Part, step: Step, rng: Rng): Preparation {
  const stepPart: Part = {
    ...part,
    label: step.key,
    prompt: `Give ${step.title}`,
    loss: step.expr,
    wrt: step.by,
    answer: step.form ?? step.expr,
    require: [],
    forbid: [],
    mistakes: [],
  };
  const about = { target: step.title, isStep: true };
  if (step.through === 'loss') {
    const chain = chainOf(card, part);
    return preparePoints(
      card,
      stepPart,
      rng,
      (values) => gradientOf(card, chain.lossDual, step.by, values, chain),
      about,
    );
  }
  const layout = layoutOf(card);
  const dual = compile(step.expr, dualAlgebra, layout);
  const by = layout.slots.get(step.by) as number;
  return preparePoints(card, stepPart, rng, (values) => partialOf(dual, by, values), about);
}
