import { GREEK_COMMANDS } from '../reader/greek.ts';
import type { Expr } from './ast.ts';

/**
 * TeX for typesetting how an answer was read: `yhat` → `\hat{y}`, `lambda` → `\lambda`, `/` →
 * `\frac`, `dot(w, x)` → `w^\top x`, `exp(a)` → `e^{a}`, products side by side (`\cdot` before a
 * number, a fraction or a minus sign).
 */
export function exprToTex(expr: Expr): string {
  return tex(expr).text;
}

/** Binding strength as the eye reads it: a fraction or a root is a block that needs no brackets. */
const SUM = 1;
const SIGMA = 1.5;
const PRODUCT = 2;
const NEGATION = 3;
const POWER = 4;
const ATOM = 5;

interface Typeset {
  readonly text: string;
  readonly precedence: number;
}

const NAMED_FUNCTIONS: Readonly<Record<string, string>> = {
  sigma: '\\sigma',
  tanh: '\\tanh',
  log: '\\log',
  max: '\\max',
  min: '\\min',
  relu: '\\operatorname{relu}',
  softplus: '\\operatorname{softplus}',
  sum: '\\operatorname{sum}',
};

const ACCENTS: Readonly<Record<string, string>> = { hat: '\\hat', bar: '\\bar', tilde: '\\tilde' };

/** A name: `yhat` → `\hat{y}`, `lambda` → `\lambda`, `w2` → `w_{2}`, `lam` → `\mathrm{lam}`. */
function nameToTex(name: string): string {
  const accented = /^(.+?)(hat|bar|tilde)$/.exec(name);
  if (accented?.[1] !== undefined && accented[2] !== undefined) {
    return `${ACCENTS[accented[2]]}{${nameToTex(accented[1])}}`;
  }
  const greek = GREEK_COMMANDS.get(name);
  if (greek !== undefined) return `\\${greek}`;
  const subscripted = /^([^_]+)_(.+)$/.exec(name) ?? /^([A-Za-z]+)([0-9]+)$/.exec(name);
  if (subscripted?.[1] !== undefined && subscripted[2] !== undefined) {
    return `${nameToTex(subscripted[1])}_{${nameToTex(subscripted[2])}}`;
  }
  return name.length === 1 || /^[0-9]+$/.test(name) ? name : `\\mathrm{${name}}`;
}

function tex(expr: Expr): Typeset {
  switch (expr.kind) {
    case 'num':
      return expr.value < 0
        ? { text: `-${number(-expr.value)}`, precedence: NEGATION }
        : { text: number(expr.value), precedence: ATOM };
    case 'sym':
      return { text: nameToTex(expr.name), precedence: ATOM };
    case 'index': {
      const index = `${expr.index.kind === 'letter' ? expr.index.letter : String(expr.index.position)}${expr.column ?? ''}`;
      return {
        text: `${nameToTex(expr.name)}_${index.length === 1 ? index : `{${index}}`}`,
        precedence: ATOM,
      };
    }
    case 'neg':
      return { text: `-${operand(expr.arg, (p) => p < POWER)}`, precedence: NEGATION };
    case 'sum':
      return { text: `\\sum_{${expr.letter}} ${operand(expr.body, (p) => p <= SUM)}`, precedence: SIGMA };
    case 'call':
      return call(expr.fn, expr.args);
    case 'binary':
      return binary(expr.op, expr.left, expr.right);
  }
}

function binary(op: Extract<Expr, { kind: 'binary' }>['op'], left: Expr, right: Expr): Typeset {
  const rightOf = (precedence: number): string =>
    operand(right, (p) => p === NEGATION || p === SIGMA || p <= precedence);
  switch (op) {
    case 'add':
    case 'sub':
      return {
        text: `${tex(left).text} ${op === 'add' ? '+' : '-'} ${operand(right, (p) => p <= SUM || p === NEGATION)}`,
        precedence: SUM,
      };
    case 'div':
      return { text: `\\frac{${exprToTex(left)}}{${exprToTex(right)}}`, precedence: ATOM };
    case 'mul': {
      const a = operand(left, (p) => p < PRODUCT);
      const b = rightOf(PRODUCT);
      const dot = /^(?:[0-9.-]|\\frac)/.test(b) ? ' \\cdot ' : ' ';
      return { text: `${a}${dot}${b}`, precedence: PRODUCT };
    }
    case 'emul':
    case 'ediv':
      return {
        text: `${operand(left, (p) => p < PRODUCT)} ${op === 'emul' ? '\\odot' : '\\oslash'} ${rightOf(PRODUCT)}`,
        precedence: PRODUCT,
      };
    case 'pow':
    case 'epow':
      return {
        text: `${operand(left, (p) => p <= POWER)}^{${op === 'epow' ? '\\circ ' : ''}${exprToTex(right)}}`,
        precedence: POWER,
      };
  }
}

function call(fn: Extract<Expr, { kind: 'call' }>['fn'], args: readonly Expr[]): Typeset {
  const [a, b] = args;
  if (a !== undefined) {
    if (fn === 'exp') return { text: `e^{${exprToTex(a)}}`, precedence: POWER };
    if (fn === 'sqrt') return { text: `\\sqrt{${exprToTex(a)}}`, precedence: ATOM };
    if (fn === 'abs') return { text: `\\left|${exprToTex(a)}\\right|`, precedence: ATOM };
    if (fn === 'norm') return { text: `\\left\\|${exprToTex(a)}\\right\\|`, precedence: ATOM };
    if (fn === 'transpose') return { text: `${operand(a, (p) => p < ATOM)}^\\top`, precedence: POWER };
    if (fn === 'dot' && b !== undefined) {
      return {
        text: `${operand(a, (p) => p < ATOM)}^\\top ${operand(b, (p) => p < POWER)}`,
        precedence: PRODUCT,
      };
    }
  }
  const name = NAMED_FUNCTIONS[fn] ?? `\\operatorname{${fn}}`;
  return { text: `${name}\\left(${args.map(exprToTex).join(', ')}\\right)`, precedence: ATOM };
}

function operand(expr: Expr, bracket: (precedence: number) => boolean): string {
  const typeset = tex(expr);
  return bracket(typeset.precedence) ? `\\left(${typeset.text}\\right)` : typeset.text;
}

/** `1e-7` → `1 \times 10^{-7}`. */
function number(value: number): string {
  const [mantissa, exponent] = String(value).split('e');
  return exponent === undefined ? String(value) : `${mantissa} \\times 10^{${Number(exponent)}}`;
}
