import type { Expr } from '../expr/ast.ts';
import { mapChildren } from '../expr/mapChildren.ts';
import { printExpr } from '../expr/print.ts';

export interface Defined {
  readonly name: string;
  readonly expr: Expr;
}

/** `expr` with every subtree that prints as `target` replaced by the name `name`. */
function replaceSubtree(expr: Expr, target: string, name: string): Expr {
  if (printExpr(expr) === target) return { kind: 'sym', name };
  return mapChildren(expr, (child) => replaceSubtree(child, target, name));
}

const uses = (expr: Expr, name: string): boolean => {
  if (expr.kind === 'sym' || expr.kind === 'index') return expr.name === name;
  let found = false;
  mapChildren(expr, (child) => {
    found ||= uses(child, name);
    return child;
  });
  return found;
};

/**
 * Writes each definition (and the loss) in terms of the others where the text spells one inside
 * another — `ŷ = σ(Σ wᵢxᵢ)` with `s = Σ wᵢxᵢ` becomes `ŷ = σ(s)` — and orders them so that each uses
 * only those before it. Teachers write the chain once, unrolled; the grader's diagnoses and steps
 * follow the chain of given names, so a drafted card gets them as a written one does.
 */
export function shareDefinitions(
  defined: readonly Defined[],
  loss: Expr,
): { readonly defined: readonly Defined[]; readonly loss: Expr } {
  // Larger definitions are rewritten in terms of smaller ones, never the other way round.
  const bySize = [...defined].sort((a, b) => printExpr(a.expr).length - printExpr(b.expr).length);
  const rewrite = (expr: Expr, except: string) =>
    bySize.reduce(
      (e, d) =>
        d.name === except || d.expr.kind === 'sym' || d.expr.kind === 'num'
          ? e
          : replaceSubtree(e, printExpr(d.expr), d.name),
      expr,
    );
  const rewritten = defined.map((d) => ({ name: d.name, expr: rewrite(d.expr, d.name) }));
  const ordered: Defined[] = [];
  const rest = [...rewritten];
  while (rest.length > 0) {
    const next = rest.findIndex((d) => !rest.some((o) => o !== d && uses(d.expr, o.name)));
    // A cycle cannot come from definitions read one after another; keep the text's order if it does.
    const [taken] = rest.splice(next === -1 ? 0 : next, 1);
    if (taken !== undefined) ordered.push(taken);
  }
  return { defined: ordered, loss: rewrite(loss, '') };
}
