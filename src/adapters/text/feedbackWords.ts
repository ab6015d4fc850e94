import type { ChainFactor, Reason } from '../../core/grading/verdict.ts';
import { describeShape, type Shape } from '../../core/expr/shape.ts';
import { readErrorWords } from './readErrorWords.ts';
import { shapeErrorWords } from './shapeErrorWords.ts';
import type { Words } from './words.ts';

/**
 * The words students read with each verdict, one table for every chat adapter and the CLI, so that
 * the tone stays the same. Code spans are Markdown backticks: Discord renders them, a terminal shows
 * them as quotes.
 */
export function feedbackWords(reason: Reason): Words {
  const incorrect = (text: string): Words => ({ lead: 'Incorrect', text });
  switch (reason.code) {
    case 'correct':
      return { lead: 'Correct', text: `that is ${reason.target}.` };
    case 'correct_other_sign':
      return {
        lead: 'Correct, with the other sign convention',
        text: `your answer is the gradient of −ℓ (the loss to minimise). ${reason.target} of ℓ as written is its negation; both conventions are accepted here.`,
      };
    case 'not_simplified': {
      const parts = [
        reason.missing.length > 0 ? `use ${codes(reason.missing)}` : undefined,
        reason.forbidden.length > 0 ? `avoid ${codes(reason.forbidden)}` : undefined,
      ].filter(Boolean);
      return {
        lead: 'Not simplified yet',
        text: `your answer is equal to the gradient, but this part asks you to ${parts.join(' and ')}.`,
      };
    }
    case 'sign':
      return incorrect(
        `your answer is the negation of ${reason.target}. This part asks for the gradient of ℓ exactly as written, not of −ℓ.`,
      );
    case 'mixed_sign':
      return incorrect(
        `your answer equals ${reason.target} at some points and its negation at others. Whichever sign convention you follow, it must hold everywhere.`,
      );
    case 'differs':
      return incorrect(
        `your answer differs from ${reason.target} at ${reason.wrong} of ${reason.total} random points. A hint may help.`,
      );
    case 'shape':
      return incorrect(shapeWords(reason.target, reason.got, reason.expected));
    case 'transpose': {
      const what =
        reason.matrix === undefined
          ? `the transpose of ∂ℓ/∂${reason.wrt}`
          : `∂ℓ/∂${reason.wrt} with ${reason.matrix} where ${reason.matrix}ᵀ belongs (or the other way round)`;
      return incorrect(
        `your answer is ${what}. Check which factor gives the rows: ∂ℓ/∂W has the shape of W (δ xᵀ, not x δᵀ), and the error goes back through a layer as Wᵀδ.`,
      );
    }
    case 'undefined_at': {
      const where = reason.at.map(([name, value]) => `${name} = ${Number(value.toPrecision(3))}`).join(', ');
      return incorrect(
        `your answer is undefined (a division by zero, or the log or square root of a negative number) at a point where the gradient is defined: ${where}.`,
      );
    }
    case 'card_mistake':
      return { text: reason.feedback };
    case 'constant_factor':
      return incorrect(
        `your answer is ${reason.factor} × the gradient. Check the constant factors (a ½ that should cancel a square, a factor counted twice, a sum instead of a mean).`,
      );
    case 'missing_factor':
      return incorrect(
        `your answer is missing a factor of the chain rule: ${factorWords(reason.factor)}. Multiply by it.`,
      );
    case 'extra_factor':
      return incorrect(
        `your answer has one factor too many: ${factorWords(reason.factor)}. Check whether it should cancel or was counted twice.`,
      );
    case 'missing_term':
      return incorrect(`your answer leaves out the gradient of the term \`${reason.term}\` of the loss.`);
    case 'flipped_term':
      return incorrect(
        `the gradient of the term \`${reason.term}\` of the loss has the wrong sign in your answer.`,
      );
    case 'ignores':
      return incorrect(
        `your answer does not change with ${reason.name}, but the gradient does. Where does ${reason.name} enter the loss?`,
      );
    case 'unreadable':
      return readErrorWords(reason.error);
    case 'shape_error':
      return { text: shapeErrorWords(reason.error) };
    case 'too_much_work': {
      const what = reason.loops.length > 1 ? `nested sums over ${codes(reason.loops)}` : 'this answer';
      return {
        text: `Too much work: ${what} would take about ${count(reason.work)} steps at each point, and an answer may take ${count(reason.budget)}. A gradient needs at most one \`\\sum\` inside another: write sums of products with \`dot(w, x)\`, or give one component with an index like \`x_j\`.`,
      };
    }
    case 'index_out_of_range': {
      const { vector, position, length } = reason;
      return {
        text: `\`${vector}_${position}\` does not exist: ${vector} has only ${length} components here. Use \`${vector}_j\` for "the j-th component".`,
      };
    }
    case 'no_part':
      return { text: `This card has no part "${reason.label}".` };
    case 'cannot_grade':
      return {
        text: `This ${reason.subject} cannot be graded: its gradient is undefined at every point drawn. Please tell an admin.`,
      };
  }
}

const codes = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');

/** `m×n`, or a vector's length, as the two shapes of a matrix answer are compared. */
const dims = (shape: Shape) =>
  shape.kind === 'matrix' ? `${shape.rows}×${shape.cols}` : describeShape(shape);

function shapeWords(target: string, got: Shape, expected: Shape): string {
  if (expected.kind === 'vector' && got.kind === 'scalar')
    return `your answer is a scalar, but ${target} is a vector with ${expected.length} components. Give the whole vector (e.g. \`… * x\`) or its j-th component with an index (e.g. \`… * x_j\`); \`x_1\` is only the first component.`;
  if (expected.kind === 'matrix' && got.kind === 'matrix') {
    const swapped = got.rows === expected.cols && got.cols === expected.rows;
    return `your answer is ${dims(got)}, ${target} is ${dims(expected)}${swapped ? ": transpose? (column × row, like `delta * x'`, gives a matrix with the rows of the column)" : '.'}`;
  }
  return `your answer is ${describeShape(got)}, but ${target} is ${describeShape(expected)}.`;
}

const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  sigma: 'the derivative of the sigmoid',
  tanh: 'the derivative of tanh',
  relu: 'the derivative of the ReLU',
  softplus: 'the derivative of the softplus',
  exp: 'the derivative of the exponential',
  log: 'the derivative of the log',
};

function factorWords(factor: ChainFactor): string {
  const symbol = `∂${factor.ofLoss ? 'ℓ' : factor.outer}/∂${factor.inner}`;
  const fn = factor.fn === undefined ? undefined : FUNCTION_WORDS[factor.fn];
  const named =
    fn !== undefined
      ? `${fn}, ${symbol}`
      : factor.directLoss
        ? `${symbol}, the derivative of the loss with respect to ${factor.inner}`
        : symbol;
  return factor.entrywise ? `${named}, entry by entry (⊙)` : named;
}

/** A count of steps in words: `12,500`, `27 million`, `more than a billion`. */
function count(n: number): string {
  if (n < 1e6) return String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 1e9 ? `${Number((n / 1e6).toPrecision(2))} million` : 'more than a billion';
}
