import { namesIn } from '../expr/names.ts';
import type { Expr } from '../expr/ast.ts';
import type { NumericCard as Card, Part } from './card.ts';

/** The name the loss goes by along a chain: `l`, as students write `dl/dw`. */
export const LOSS = 'l';

/** The loss and every given name, with the expression that defines it. */
export function definitions(card: Card, part: Part): Map<string, Expr> {
  return new Map<string, Expr>([
    [LOSS, part.loss],
    ...card.given.map((g): [string, Expr] => [g.name, g.expr]),
  ]);
}

/**
 * Every path of names from the loss down to the part's `wrt` through the given names: for the
 * first card, [l, yhat, s, w] — the chain rule's links are its consecutive pairs.
 */
export function chainPaths(card: Card, part: Part): string[][] {
  const defs = definitions(card, part);
  const paths: string[][] = [];
  const walk = (path: string[]) => {
    const definition = defs.get(path[path.length - 1] as string);
    if (definition === undefined) return;
    for (const next of namesIn(definition)) {
      if (next === part.wrt) paths.push([...path, next]);
      else if (defs.has(next) && !path.includes(next)) walk([...path, next]);
    }
  };
  walk([LOSS]);
  return paths;
}
