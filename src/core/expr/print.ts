import type { BinaryOp, Expr } from './ast.ts';

/**
 * An expression as plain text with as few parentheses as keep its tree: `(y - yhat) * x`, `dot(w, x)`,
 * `x_j`, `w' * x`, `sum_i(w_i * x_i)`. The reader reads it back to the same tree.
 */
export function printExpr(expr: Expr): string {
  return print(expr).text;
}

/** Binding strength, loosest first; mathjs's unary minus binds tighter than `*` and looser than `^`. */
const SUM = 1;
const PRODUCT = 2;
const NEGATION = 3;
const POWER = 4;
const ATOM = 5;

interface Printed {
  readonly text: string;
  readonly precedence: number;
}

const OPERATORS: Readonly<Record<BinaryOp, { readonly symbol: string; readonly precedence: number }>> = {
  add: { symbol: '+', precedence: SUM },
  sub: { symbol: '-', precedence: SUM },
  mul: { symbol: '*', precedence: PRODUCT },
  div: { symbol: '/', precedence: PRODUCT },
  emul: { symbol: '.*', precedence: PRODUCT },
  ediv: { symbol: './', precedence: PRODUCT },
  pow: { symbol: '^', precedence: POWER },
  epow: { symbol: '.^', precedence: POWER },
};

function print(expr: Expr): Printed {
  switch (expr.kind) {
    case 'num':
      return expr.value < 0 || Object.is(expr.value, -0)
        ? { text: `-${String(-expr.value)}`, precedence: NEGATION }
        : { text: String(expr.value), precedence: ATOM };
    case 'sym':
      return { text: expr.name, precedence: ATOM };
    case 'index': {
      const index = `${expr.index.kind === 'letter' ? expr.index.letter : String(expr.index.position)}${expr.column ?? ''}`;
      return { text: `${expr.name}_${index}`, precedence: ATOM };
    }
    case 'neg':
      return { text: `-${operand(expr.arg, (p) => p < POWER)}`, precedence: NEGATION };
    case 'binary': {
      const { symbol, precedence } = OPERATORS[expr.op];
      // `^` groups to the right, the others to the left; a negation on the right is bracketed for the eye.
      const left = operand(expr.left, (p) => (precedence === POWER ? p <= POWER : p < precedence));
      const right = operand(
        expr.right,
        (p) => p === NEGATION || (precedence === POWER ? p < POWER : p <= precedence),
      );
      const spaced = precedence === POWER ? symbol : ` ${symbol} `;
      return { text: `${left}${spaced}${right}`, precedence };
    }
    case 'call': {
      const [only] = expr.args;
      if (expr.fn === 'transpose' && only !== undefined && (only.kind === 'sym' || only.kind === 'index')) {
        return { text: `${print(only).text}'`, precedence: POWER };
      }
      return { text: `${expr.fn}(${expr.args.map(printExpr).join(', ')})`, precedence: ATOM };
    }
    case 'sum':
      return { text: `sum_${expr.letter}(${printExpr(expr.body)})`, precedence: ATOM };
  }
}

function operand(expr: Expr, bracket: (precedence: number) => boolean): string {
  const printed = print(expr);
  return bracket(printed.precedence) ? `(${printed.text})` : printed.text;
}
