import { chainPaths } from '../cards/chain.ts';
import type { Expr, FunctionName } from '../expr/ast.ts';
import { compile, type Compiled, type Frame, type Val } from '../expr/compile.ts';
import { dualAlgebra, type Dual } from '../expr/dual.ts';
import { printExpr } from '../expr/print.ts';
import { chainOf, gradientOf, type PreparedPart } from './prepare.ts';

/**
 * The activations of a layer (`a1 = tanh(z1)`, a vector): backpropagation multiplies by their
 * derivative entry by entry (`⊙ tanh'(z1)`), the factor students drop or apply twice. Unlike a
 * scalar link it cannot divide the reference, so the gradient is recomputed with that one link's
 * derivative raised to the power 0 (dropped) or 2 (twice), everything else exact.
 */
export interface ActivationSlip {
  /** The activation's name and what it is applied to: ['a1', 'z1']. */
  readonly path: readonly [string, string];
  /** Its definition, for the words (`the derivative of tanh`). */
  readonly outer: Expr;
  /** The gradient at each point with the derivative dropped. */
  readonly dropped: readonly (Val<number> | undefined)[];
  /** The gradient at each point with the derivative applied twice. */
  readonly twice: readonly (Val<number> | undefined)[];
}

const ACTIVATIONS: ReadonlySet<FunctionName> = new Set(['sigma', 'tanh', 'relu', 'softplus', 'exp']);

export function activationSlips(prepared: PreparedPart): ActivationSlip[] {
  const { card, part, points } = prepared;
  const chain = chainOf(card, part);
  const onChain = new Set(chainPaths(card, part).flatMap((path) => path.slice(1, -1)));
  const out: ActivationSlip[] = [];
  card.given.forEach((given, index) => {
    const def = given.expr;
    const [arg] = def.kind === 'call' ? def.args : [];
    if (
      def.kind !== 'call' ||
      arg === undefined ||
      !ACTIVATIONS.has(def.fn) ||
      !onChain.has(given.name) ||
      card.shapes.get(given.name)?.kind === 'scalar'
    )
      return;
    const gradientWith = (power: 0 | 2) => {
      const givenDual = [...chain.givenDual];
      givenDual[index] = withSlope(
        chain.givenDual[index] as Compiled<Dual>,
        compile(arg, dualAlgebra, chain.layout),
        def.fn,
        power,
      );
      return points.map((p) => {
        const g = gradientOf(card, chain.lossDual, part.wrt, p.values.slice(0, card.vars.size), {
          layout: chain.layout,
          givenDual,
        });
        return Array.isArray(g)
          ? g.every(Number.isFinite)
            ? g
            : undefined
          : Number.isFinite(g)
            ? g
            : undefined;
      });
    };
    const inner = arg.kind === 'sym' ? arg.name : `(${printExpr(arg)})`;
    out.push({ path: [given.name, inner], outer: def, dropped: gradientWith(0), twice: gradientWith(2) });
  });
  return out;
}

/**
 * The activation with its derivative replaced by f'(arg)^power: the value is unchanged, the tangent
 * is the argument's times that power (0: passed through as if f were the identity).
 */
function withSlope(
  activation: Compiled<Dual>,
  argument: Compiled<Dual>,
  fn: FunctionName,
  power: 0 | 2,
): Compiled<Dual> {
  const f = dualAlgebra[fn as 'tanh'];
  return (frame: Frame<Dual>) => {
    const values = activation(frame) as readonly Dual[];
    const args = argument(frame) as readonly Dual[];
    return values.map((a, i) => {
      const u = args[i] as Dual;
      const slope = power === 0 ? 1 : f({ v: u.v, d: 1 }).d ** power;
      return { v: a.v, d: u.d * slope };
    });
  };
}
