import type { Expr } from '../expr/ast.ts';
import { printExpr } from '../expr/print.ts';
import type { ShapeError } from '../expr/shape.ts';

const quote = (e: Expr) => `\`${printExpr(e)}\``;

/** An operand as it must be written inside a suggestion: bracketed unless it is a single name or number. */
const operand = (e: Expr) => (e.kind === 'binary' || e.kind === 'neg' ? `(${printExpr(e)})` : printExpr(e));

/** Operands of the sub-expression at fault, for suggestions that reuse the student's own names. */
function operands(at: Expr): [string, string] {
  if (at.kind === 'binary') return [operand(at.left), operand(at.right)];
  if (at.kind === 'call') return [operand(at.args[0] ?? at), operand(at.args[1] ?? at)];
  return [operand(at), operand(at)];
}

/** Says, in a student's words, why an expression cannot be evaluated, with a suggestion. */
export function describeShapeError(error: ShapeError): string {
  const [a, b] = operands(error.at);
  switch (error.code) {
    case 'vector_power':
      return `${quote(error.at)} raises a vector to a power. Did you mean \`${a} .^ ${b}\` (each component) or \`dot(${a}, ${a})\` (the squared length)?`;
    case 'length_mismatch':
      return `${quote(error.at)} combines vectors of different lengths.`;
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
