import type { Expr, Vocabulary } from '../expr/ast.ts';
import { inferShape, sameShape, type Shape } from '../expr/shape.ts';
import { readExpression } from '../reader/index.ts';
import { derivativeIn, sameDerivative, type Derivative } from './asked.ts';
import type { Statement } from './statements.ts';
import { vectorForm } from './vectorForm.ts';

/** A formula of the card read as a candidate answer for a derivative with respect to a var. */
export interface Formula {
  /** As the card writes it (TeX). */
  readonly tex: string;
  /** As read, componentwise when written so (`x_j`). */
  readonly expr: Expr;
  /** The index letter of a componentwise formula. */
  readonly free?: string;
  /** The whole vector (or scalar) it stands for: what a drafted `answer` holds. */
  readonly whole: Expr;
  readonly names: ReadonlySet<string>;
}

/** Reads a side of a statement as an answer of the shape of `wrt` (its components, or the whole). */
export function readFormula(
  tex: string,
  vocabulary: Vocabulary,
  shapes: ReadonlyMap<string, Shape>,
  wrt: string,
): Formula | undefined {
  const read = readExpression(tex, vocabulary);
  if (!read.ok) return undefined;
  const shape = inferShape(read.expr, shapes);
  const target = shapes.get(wrt);
  if (!shape.ok || target === undefined) return undefined;
  const { free } = shape.info;
  const fits =
    free !== undefined
      ? target.kind === 'vector' && free.length === 1 && free[0]?.length === target.length
      : sameShape(shape.info.shape, target);
  if (!fits) return undefined;
  const names = new Set([...read.names].filter((n) => shapes.has(n)));
  const letter = free?.[0]?.letter ?? '';
  return free === undefined
    ? { tex, expr: read.expr, whole: read.expr, names }
    : { tex, expr: read.expr, free: letter, whole: vectorForm(read.expr, letter), names };
}

/**
 * The solution's final formula for a derivative: the last side that reads of the last statement
 * whose left side names that derivative (`\nabla \ell(w) = …`, `\frac{\partial \ell}{\partial w_j} = …`);
 * when none names it, the last formula of the text that has the right shape.
 */
export function finalFormula(
  statements: readonly Statement[],
  asked: Derivative,
  read: (tex: string) => Formula | undefined,
): Formula | undefined {
  const lastOf = (candidates: readonly Statement[]) => {
    for (const statement of [...candidates].reverse()) {
      const formula = statement.sides
        .slice(1)
        .reverse()
        .map(read)
        .find((f) => f !== undefined);
      if (formula !== undefined) return formula;
    }
    return undefined;
  };
  const naming = statements.filter((s) => {
    const d = s.sides.length > 1 ? derivativeIn(s.sides[0] ?? '') : undefined;
    return d !== undefined && sameDerivative(d, asked);
  });
  if (naming.length > 0) return lastOf(naming);
  const last = [...statements].reverse().find((s) => read(s.sides[s.sides.length - 1] ?? '') !== undefined);
  return last === undefined ? undefined : read(last.sides[last.sides.length - 1] ?? '');
}

/** Every formula of the card that reads as an answer: the candidates for "the other sign". */
export function allFormulas(
  statements: readonly Statement[],
  read: (tex: string) => Formula | undefined,
): Formula[] {
  return statements.flatMap((s) => s.sides.flatMap((side) => read(side) ?? []));
}
