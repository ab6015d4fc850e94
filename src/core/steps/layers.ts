import type { NumericCard as Card, Part } from '../cards/card.ts';
import { LOSS } from '../cards/chain.ts';
import type { Expr } from '../expr/ast.ts';
import { additiveTerms, namesIn } from '../expr/names.ts';
import { differentiate } from './differentiate.ts';
import { useNames, type Step } from './step.ts';

/** A layer of a network: a given vector `name = weight * input (+ …)` with `weight` a matrix var. */
interface Layer {
  readonly name: string;
  readonly weight: string;
  readonly input: Expr;
  /** The names added to the product (a bias): their gradient is the layer's δ itself. */
  readonly added: ReadonlySet<string>;
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const sym = (name: string): Expr => ({ kind: 'sym', name });
const mul = (left: Expr, right: Expr): Expr => ({ kind: 'binary', op: 'mul', left, right });
const emul = (left: Expr, right: Expr): Expr => ({ kind: 'binary', op: 'emul', left, right });
const transpose = (arg: Expr): Expr => ({ kind: 'call', fn: 'transpose', args: [arg] });
const oneMinus = (e: Expr): Expr => ({
  kind: 'binary',
  op: 'sub',
  left: { kind: 'num', value: 1 },
  right: e,
});

function layersOf(card: Card): Layer[] {
  const out: Layer[] = [];
  for (const g of card.given) {
    if (card.shapes.get(g.name)?.kind !== 'vector') continue;
    const terms = additiveTerms(g.expr);
    const product = terms.find(
      ({ expr, sign }) =>
        sign === 1 &&
        expr.kind === 'binary' &&
        expr.op === 'mul' &&
        expr.left.kind === 'sym' &&
        card.vars.get(expr.left.name)?.kind === 'matrix',
    )?.expr;
    if (product?.kind !== 'binary' || product.left.kind !== 'sym') continue;
    const added = terms.flatMap(({ expr }) => (expr.kind === 'sym' ? [expr.name] : []));
    out.push({ name: g.name, weight: product.left.name, input: product.right, added: new Set(added) });
  }
  return out;
}

/**
 * f'(z) in the names students use, for an activation `a = f(z)`: `1 - a.^2` for tanh, `a .* (1 - a)`
 * for the sigmoid; undefined for relu (piecewise) and anything else.
 */
function activationSlope(a: string, def: Expr | undefined): { slope: Expr; of: string } | undefined {
  const [z] = def?.kind === 'call' ? def.args : [];
  if (def?.kind !== 'call' || z?.kind !== 'sym') return undefined;
  const epow: Expr = { kind: 'binary', op: 'epow', left: sym(a), right: { kind: 'num', value: 2 } };
  if (def.fn === 'tanh') return { slope: oneMinus(epow), of: z.name };
  if (def.fn === 'sigma') return { slope: emul(sym(a), oneMinus(sym(a))), of: z.name };
  if (def.fn === 'exp') return { slope: sym(a), of: z.name };
  return undefined;
}

/**
 * The steps of backpropagation through the layers on the chain from the loss to `wrt`, outermost
 * first: each layer's error δ = ∂ℓ/∂z, the gradient of the weights of every layer passed on the
 * way, and last ∂ℓ/∂wrt (unless it is a bias, whose gradient is δ itself). For a two-layer network
 * asked for ∂ℓ/∂W₁: δ₂, ∂ℓ/∂W₂, δ₁, ∂ℓ/∂W₁. Empty when no layer lies on the chain.
 */
export function layerSteps(card: Card, part: Part, path: readonly string[]): Step[] {
  const all = layersOf(card);
  const numbered = all.length > 1;
  const onPath = path
    .slice(1, -1)
    .map((name) => all.find((layer) => layer.name === name))
    .filter((layer): layer is Layer => layer !== undefined);
  if (onPath.length === 0) return [];
  const definitions = new Map(card.given.map((g) => [g.name, g.expr]));
  const named = (e: Expr | undefined) => (e === undefined ? undefined : useNames(e, card.given));
  const total = (by: string, title: string, form: Expr | undefined): Step => ({
    key: `d${LOSS}/d${by}`,
    title,
    of: LOSS,
    by,
    expr: part.loss,
    through: 'loss',
    ...(form !== undefined ? { form } : {}),
  });

  const steps: Step[] = [];
  // δ of the layer above, in symbols, to write the next one (Wᵀδ ⊙ f'(z)); undefined once unknown.
  const outermost = (onPath[0] as Layer).name;
  // Only where the loss reads the layer itself (a squared error); through a softmax there is no closed form here.
  let delta = namesIn(part.loss).has(outermost) ? differentiate(part.loss, outermost, true) : undefined;
  let above: Layer | undefined;
  for (const layer of onPath) {
    if (above !== undefined) {
      const input = above.input;
      const back = delta === undefined ? undefined : mul(transpose(sym(above.weight)), delta);
      const slope =
        input.kind === 'sym' ? activationSlope(input.name, definitions.get(input.name)) : undefined;
      delta =
        back === undefined
          ? undefined
          : input.kind === 'sym' && input.name === layer.name
            ? back
            : slope?.of === layer.name
              ? emul(back, slope.slope)
              : undefined;
    }
    const k = all.indexOf(layer) + 1;
    const label = numbered ? `δ${SUBSCRIPTS[k] ?? k}` : 'δ';
    steps.push(total(layer.name, `${label} = ∂ℓ/∂${layer.name}`, named(delta)));
    const innermost = layer === onPath[onPath.length - 1];
    if (!innermost || layer.weight === part.wrt) {
      const gradient = delta === undefined ? undefined : mul(delta, transpose(layer.input));
      steps.push(total(layer.weight, `∂ℓ/∂${layer.weight}`, named(gradient)));
    }
    above = layer;
  }
  const last = onPath[onPath.length - 1] as Layer;
  if (part.wrt !== last.weight && !last.added.has(part.wrt)) {
    const isInput = last.input.kind === 'sym' && last.input.name === part.wrt;
    const form = isInput && delta !== undefined ? mul(transpose(sym(last.weight)), delta) : undefined;
    steps.push(total(part.wrt, `∂ℓ/∂${part.wrt}`, named(form)));
  }
  return steps;
}
