import type { NumericCard as Card } from '../cards/card.ts';
import type { IndexOutOfRange } from '../expr/compile.ts';
import type { AnswerCost } from './cost.ts';
import { describeShape, type Shape } from '../expr/shape.ts';
import type { SamplePoint } from './prepare.ts';

/** The words students read with each verdict. One table, so that the tone stays the same. */

export const correct = (target: string) => `Correct: that is ${target}.`;

export const correctOtherSign = (target: string) =>
  `Correct, with the other sign convention: your answer is the gradient of −ℓ (the loss to minimise). ${target} of ℓ as written is its negation; both conventions are accepted here.`;

export const sign = (target: string) =>
  `Incorrect: your answer is the negation of ${target}. This part asks for the gradient of ℓ exactly as written, not of −ℓ.`;

export const mixedSign = (target: string) =>
  `Incorrect: your answer equals ${target} at some points and its negation at others. Whichever sign convention you follow, it must hold everywhere.`;

export const incorrect = (target: string, wrong: number, total: number) =>
  `Incorrect: your answer differs from ${target} at ${wrong} of ${total} random points. A hint may help.`;

/** `m×n`, or a vector's length, as the two shapes of a matrix answer are compared. */
const dims = (shape: Shape) =>
  shape.kind === 'matrix' ? `${shape.rows}×${shape.cols}` : describeShape(shape);

export const shape = (target: string, got: Shape, expected: Shape) => {
  if (expected.kind === 'vector' && got.kind === 'scalar')
    return `Incorrect: your answer is a scalar, but ${target} is a vector with ${expected.length} components. Give the whole vector (e.g. \`… * x\`) or its j-th component with an index (e.g. \`… * x_j\`); \`x_1\` is only the first component.`;
  if (expected.kind === 'matrix' && got.kind === 'matrix') {
    const swapped = got.rows === expected.cols && got.cols === expected.rows;
    return `Incorrect: your answer is ${dims(got)}, ${target} is ${dims(expected)}${swapped ? ": transpose? (column × row, like `delta * x'`, gives a matrix with the rows of the column)" : '.'}`;
  }
  return `Incorrect: your answer is ${describeShape(got)}, but ${target} is ${describeShape(expected)}.`;
};

export const transpose = (what: string) =>
  `Incorrect: your answer is ${what}. Check which factor gives the rows: ∂ℓ/∂W has the shape of W (δ xᵀ, not x δᵀ), and the error goes back through a layer as Wᵀδ.`;

export const notSimplified = (missing: readonly string[], forbidden: readonly string[]) => {
  const parts = [
    missing.length > 0 ? `use ${missing.map((n) => `\`${n}\``).join(', ')}` : undefined,
    forbidden.length > 0 ? `avoid ${forbidden.map((n) => `\`${n}\``).join(', ')}` : undefined,
  ].filter(Boolean);
  return `Not simplified yet: your answer is equal to the gradient, but this part asks you to ${parts.join(' and ')}.`;
};

const format = (v: unknown): string => {
  if (Array.isArray(v)) return `(${v.map(format).join(', ')})`;
  return typeof v === 'number' ? String(Number(v.toPrecision(3))) : String(v);
};

/** The scalar names at a point, enough for a student to see where their answer breaks down. */
function where(card: Card, point: SamplePoint): string {
  const names = [...card.vars.keys(), ...card.given.map((g) => g.name)];
  return names
    .map((name, i) => [name, point.values[i]] as const)
    .filter(([, value]) => !Array.isArray(value))
    .map(([name, value]) => `${name} = ${format(value)}`)
    .join(', ');
}

export const undefinedAt = (card: Card, point: SamplePoint) =>
  `Incorrect: your answer is undefined (a division by zero, or the log or square root of a negative number) at a point where the gradient is defined: ${where(card, point)}.`;

export const indexOutOfRange = (error: IndexOutOfRange) =>
  `\`${error.vectorName}_${error.position}\` does not exist: ${error.vectorName} has only ${error.length} components here. Use \`${error.vectorName}_j\` for "the j-th component".`;

export const constantFactor = (c: string) =>
  `Incorrect: your answer is ${c} × the gradient. Check the constant factors (a ½ that should cancel a square, a factor counted twice, a sum instead of a mean).`;

export const missingFactor = (what: string) =>
  `Incorrect: your answer is missing a factor of the chain rule: ${what}. Multiply by it.`;

export const extraFactor = (what: string) =>
  `Incorrect: your answer has one factor too many: ${what}. Check whether it should cancel or was counted twice.`;

export const missingTerm = (term: string) =>
  `Incorrect: your answer leaves out the gradient of the term \`${term}\` of the loss.`;

export const flippedTerm = (term: string) =>
  `Incorrect: the gradient of the term \`${term}\` of the loss has the wrong sign in your answer.`;

export const ignores = (name: string) =>
  `Incorrect: your answer does not change with ${name}, but the gradient does. Where does ${name} enter the loss?`;

/** A count of steps in words: `12,500`, `27 million`, `more than a billion`. */
function count(n: number): string {
  if (n < 1e6) return String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 1e9 ? `${Number((n / 1e6).toPrecision(2))} million` : 'more than a billion';
}

export const tooMuchWork = (cost: AnswerCost, budget: number) => {
  const what =
    cost.loops.length > 1
      ? `nested sums over ${cost.loops.map((l) => `\`${l}\``).join(', ')}`
      : 'this answer';
  return `Too much work: ${what} would take about ${count(cost.work)} steps at each point, and an answer may take ${count(budget)}. A gradient needs at most one \`\\sum\` inside another: write sums of products with \`dot(w, x)\`, or give one component with an index like \`x_j\`.`;
};
