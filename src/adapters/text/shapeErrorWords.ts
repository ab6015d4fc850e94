import type { Expr } from '../../core/expr/ast.ts';
import { printExpr } from '../../core/expr/print.ts';
import { sameShape, transposed, type Shape, type ShapeError } from '../../core/expr/shape.ts';

const quote = (e: Expr) => `\`${printExpr(e)}\``;

/** An operand as it must be written inside a suggestion: bracketed unless it is a single name or number. */
const operand = (e: Expr) => (e.kind === 'binary' || e.kind === 'neg' ? `(${printExpr(e)})` : printExpr(e));

/** Operands of the sub-expression at fault, for suggestions that reuse the student's own names. */
function operands(at: Expr): [string, string] {
  if (at.kind === 'binary') return [operand(at.left), operand(at.right)];
  if (at.kind === 'call') return [operand(at.args[0] ?? at), operand(at.args[1] ?? at)];
  return [operand(at), operand(at)];
}

/** A transposed operand as a student would write it: `W'`, `(a + b)'`. */
const flip = (text: string) => `${text}'`;

/** Dimensions in the words of a product: `W (m×n)`, `delta (m components)`. */
const named = (text: string, shape: Shape) => {
  switch (shape.kind) {
    case 'matrix':
      return `${text} (${shape.rows}×${shape.cols})`;
    case 'vector':
      return `${text} (${shape.row ? 'a row of ' : ''}${shape.length}${shape.row ? '' : ' components'})`;
    case 'scalar':
      return `${text} (a scalar)`;
  }
};

/** Whether `a * b` checks once the shapes are those given: the inner dimensions meet. */
function multiplies(a: Shape, b: Shape): boolean {
  const inner = (s: Shape, side: 'left' | 'right') => {
    if (s.kind === 'matrix') return side === 'left' ? s.cols : s.rows;
    if (s.kind === 'vector') return s.length;
    return undefined;
  };
  if (a.kind === 'vector' && b.kind === 'vector') return !a.row && b.row ? true : a.length === b.length;
  if (a.kind === 'vector' && !a.row) return false;
  if (b.kind === 'vector' && b.row) return false;
  return inner(a, 'left') === inner(b, 'right');
}

/** A product whose dimensions do not meet: the transposes that would make them meet, if any. */
function productSuggestion(a: string, b: string, shapes: readonly Shape[]): string {
  const [left, right] = shapes;
  if (left === undefined || right === undefined) return '';
  const tries: [Shape, Shape, string][] = [
    [transposed(left), right, `${flip(a)} * ${b}`],
    [left, transposed(right), `${a} * ${flip(b)}`],
    [transposed(right), transposed(left), `${flip(b)} * ${flip(a)}`],
  ];
  const fits = tries.find(([l, r]) => multiplies(l, r));
  return fits === undefined ? '' : ` Did you mean \`${fits[2]}\`?`;
}

/** Says, in a student's words, why an expression cannot be evaluated, with a suggestion. */
export function shapeErrorWords(error: ShapeError): string {
  const [a, b] = operands(error.at);
  switch (error.code) {
    case 'vector_power':
      return `${quote(error.at)} raises a vector to a power. Did you mean \`${a} .^ ${b}\` (each component) or \`dot(${a}, ${a})\` (the squared length)?`;
    case 'length_mismatch': {
      const [left, right] = error.operands ?? [];
      if (left?.kind !== 'matrix' && right?.kind !== 'matrix')
        return `${quote(error.at)} combines vectors of different lengths.`;
      const sizes =
        left !== undefined && right !== undefined ? ` ${named(a, left)} and ${named(b, right)}` : '';
      const swapped = left !== undefined && right !== undefined && sameShape(transposed(left), right);
      return `${quote(error.at)} combines${sizes} entry by entry: both must have the same shape.${swapped ? ` Did you mean \`${flip(a)}\`?` : ''}`;
    }
    case 'product_mismatch': {
      const [left, right] = error.operands ?? [];
      const sizes =
        left !== undefined && right !== undefined
          ? `${named(a, left)} times ${named(b, right)}`
          : 'two factors';
      return `${quote(error.at)} multiplies ${sizes}: the inner dimensions do not match.${productSuggestion(a, b, error.operands ?? [])}`;
    }
    case 'needs_vector':
      return `${quote(error.at)} needs a vector, like \`softmax(z)\` or \`diag(h)\`.`;
    case 'vector_division':
      return `${quote(error.at)} divides by a vector. Did you mean \`${a} ./ ${b}\` (component by component)?`;
    case 'dot_of_scalar':
      return `${quote(error.at)} needs two vectors, but one of them is a scalar. Did you mean \`${a} * ${b}\`?`;
    case 'index_on_scalar':
      return `${quote(error.at)} takes a component of a scalar: only vectors have components.`;
    case 'nested_vector':
      return `${quote(error.at)} gives a vector for each component; write one component (with \`_j\`) or the whole vector, not both.`;
    case 'mixed_index_letters':
      return `${quote(error.at)} uses two different index letters; use one, e.g. \`x_j\` throughout.`;
    case 'unbound_sum':
      return `${quote(error.at)} sums over an index that no vector uses, e.g. write \`Σ_i w_i x_i\`.`;
  }
}
