import type { Expr } from '../expr/ast.ts';
import { numberAlgebra } from '../expr/algebra.ts';
import { compile, type Val } from '../expr/compile.ts';
import { linearAlgebra } from '../expr/linearAlgebra.ts';
import { mapChildren } from '../expr/mapChildren.ts';
import { inferShape, sameShape, type Length, type Shape } from '../expr/shape.ts';
import type { PreparedPart, SamplePoint } from './prepare.ts';

/** Whether an answer equals the target at every point (with the part's sign rule). */
export type Everywhere = (target: (p: SamplePoint, i: number) => Val<number> | undefined) => boolean;

/**
 * The transposes a student gets wrong: the whole gradient transposed (`x δᵀ` for `δ xᵀ`), or one
 * matrix of the card's answer taken the wrong way round (`W δ` for `Wᵀ δ`). Only square matrices get
 * here: with two dimension names the shape check has already said so. `matrix` names the flipped
 * matrix; without it, the whole gradient is transposed.
 */
export function transposeMistake(
  prepared: PreparedPart,
  everywhere: Everywhere,
): { readonly matrix?: string } | undefined {
  const { card, part, layout } = prepared;
  const expected = card.shapes.get(part.wrt);
  const linear = linearAlgebra(numberAlgebra);
  const dimension = (length: Length, p: SamplePoint) =>
    typeof length === 'number' ? length : (p.values[layout.slots.get(length) ?? -1] as number);
  if (
    expected?.kind === 'matrix' &&
    everywhere((p) => linear.transpose(p.reference as readonly number[], dimension(expected.rows, p)))
  )
    return {};
  const answerShape = inferShape(part.answer, card.shapes);
  if (!answerShape.ok) return undefined;
  for (const [variant, name] of flippedMatrices(part.answer, card.shapes)) {
    const shape = inferShape(variant, card.shapes);
    if (!shape.ok || !sameShape(shape.info.shape, answerShape.info.shape)) continue;
    const f = compile(variant, numberAlgebra, layout);
    if (everywhere((p) => f({ values: p.values, letters: {} }))) return { matrix: name };
  }
  return undefined;
}

/** The answer with one occurrence of a matrix name transposed (`W` ↔ `W'`), for each occurrence. */
function flippedMatrices(answer: Expr, shapes: ReadonlyMap<string, Shape>): [Expr, string][] {
  const isMatrix = (e: Expr): e is Expr & { kind: 'sym' } =>
    e.kind === 'sym' && shapes.get(e.name)?.kind === 'matrix';
  const variants: [Expr, string][] = [];
  const occurrences = (e: Expr): number =>
    isMatrix(e)
      ? 1
      : e.kind === 'call' && e.fn === 'transpose' && e.args[0] !== undefined && isMatrix(e.args[0])
        ? 1
        : childSum(e, occurrences);
  for (let target = 0, count = occurrences(answer); target < count; target++) {
    let seen = -1;
    let name = '';
    const flip = (e: Expr): Expr => {
      const inner = e.kind === 'call' && e.fn === 'transpose' ? e.args[0] : undefined;
      if (inner !== undefined && isMatrix(inner)) {
        seen++;
        if (seen !== target) return e;
        name = inner.name;
        return inner;
      }
      if (isMatrix(e)) {
        seen++;
        if (seen !== target) return e;
        name = e.name;
        return { kind: 'call', fn: 'transpose', args: [e] };
      }
      return mapChildren(e, flip);
    };
    const variant = flip(answer);
    variants.push([variant, name]);
  }
  return variants;
}

function childSum(e: Expr, f: (child: Expr) => number): number {
  let total = 0;
  mapChildren(e, (child) => {
    total += f(child);
    return child;
  });
  return total;
}
