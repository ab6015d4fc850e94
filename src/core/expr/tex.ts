import { GREEK_COMMANDS } from '../reader/greek.ts';
import type { Expr, NameKind } from './ast.ts';

/**
 * TeX for typesetting how an answer was read, as a teacher writes it: `yhat` → `\hat{y}`, `lambda`
 * → `\lambda`, `/` → `\frac`, `dot(w, x)` → `w^\top x`, `exp(a)` → `e^{a}`, `outer(δ, x)` →
 * `\boldsymbol{\delta} \mathbf{x}^\top`, products side by side (`\cdot` before a number, a fraction
 * or a minus sign). Given the card's names and shapes, vectors are bold and matrices capitals as
 * they are (`W_{1}^\top \boldsymbol{\delta}_{2}`).
 */
export function exprToTex(expr: Expr, kinds: ReadonlyMap<string, NameKind> = new Map()): string {
  return tex(expr, kinds).text;
}

type Kinds = ReadonlyMap<string, NameKind>;

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

/**
 * A name in the card's typeface: a vector bold (`\mathbf{x}`, `\boldsymbol{\delta}`, the accent
 * outside: `\hat{\mathbf{y}}`), anything else as `nameToTex` writes it. A component (`x_j`) stays
 * plain: it is a number.
 */
function shaped(name: string, kinds: Kinds): string {
  if (kinds.get(name) !== 'vector') return nameToTex(name);
  const accented = /^(.+?)(hat|bar|tilde)$/.exec(name);
  if (accented?.[1] !== undefined && accented[2] !== undefined)
    return `${ACCENTS[accented[2]]}{${bold(accented[1])}}`;
  return bold(name);
}

/** A name that already has a subscript (`W_{1}`) is bracketed before it takes an index: `(W_{1})_{ij}`. */
const subscriptable = (name: string): string => (name.includes('_') ? `\\left(${name}\\right)` : name);

function bold(name: string): string {
  const plain = nameToTex(name);
  // `\mathbf` does not reach Greek letters; `\boldsymbol` does. A subscript stays upright: `\mathbf{a}_{1}`.
  const [base = plain, sub] = plain.split(/(?=_\{)/);
  const font = base.startsWith('\\') ? '\\boldsymbol' : '\\mathbf';
  return `${font}{${base}}${sub ?? ''}`;
}

function tex(expr: Expr, kinds: Kinds): Typeset {
  switch (expr.kind) {
    case 'num':
      return expr.value < 0
        ? { text: `-${number(-expr.value)}`, precedence: NEGATION }
        : { text: number(expr.value), precedence: ATOM };
    case 'sym':
      return { text: shaped(expr.name, kinds), precedence: ATOM };
    case 'index': {
      const index = `${expr.index.kind === 'letter' ? expr.index.letter : String(expr.index.position)}${expr.column ?? ''}`;
      return {
        text: `${subscriptable(nameToTex(expr.name))}_${index.length === 1 ? index : `{${index}}`}`,
        precedence: ATOM,
      };
    }
    case 'neg':
      return { text: `-${operand(expr.arg, (p) => p < POWER, kinds)}`, precedence: NEGATION };
    case 'sum':
      return {
        text: `\\sum_{${expr.letter}} ${operand(expr.body, (p) => p <= SUM, kinds)}`,
        precedence: SIGMA,
      };
    case 'call':
      return call(expr.fn, expr.args, kinds);
    case 'binary':
      return binary(expr.op, expr.left, expr.right, kinds);
  }
}

function binary(op: Extract<Expr, { kind: 'binary' }>['op'], left: Expr, right: Expr, kinds: Kinds): Typeset {
  const rightOf = (precedence: number): string =>
    operand(right, (p) => p === NEGATION || p === SIGMA || p <= precedence, kinds);
  switch (op) {
    case 'add':
    case 'sub':
      return {
        text: `${tex(left, kinds).text} ${op === 'add' ? '+' : '-'} ${operand(right, (p) => p <= SUM || p === NEGATION, kinds)}`,
        precedence: SUM,
      };
    case 'div':
      return { text: `\\frac{${exprToTex(left, kinds)}}{${exprToTex(right, kinds)}}`, precedence: ATOM };
    case 'mul': {
      // `(Wᵀδ ⊙ σ'(z)) xᵀ`: a Hadamard product is bracketed before a matrix product, as teachers do.
      const hadamard = left.kind === 'binary' && (left.op === 'emul' || left.op === 'ediv');
      const a = operand(left, (p) => p < PRODUCT || hadamard, kinds);
      const b = rightOf(PRODUCT);
      const dot = /^(?:[0-9.-]|\\frac)/.test(b) ? ' \\cdot ' : ' ';
      return { text: `${a}${dot}${b}`, precedence: PRODUCT };
    }
    case 'emul':
    case 'ediv':
      return {
        text: `${operand(left, (p) => p < PRODUCT, kinds)} ${op === 'emul' ? '\\odot' : '\\oslash'} ${rightOf(PRODUCT)}`,
        precedence: PRODUCT,
      };
    case 'pow':
    case 'epow':
      return {
        text: `${operand(left, (p) => p <= POWER, kinds)}^{${op === 'epow' ? '\\circ ' : ''}${exprToTex(right, kinds)}}`,
        precedence: POWER,
      };
  }
}

function call(fn: Extract<Expr, { kind: 'call' }>['fn'], args: readonly Expr[], kinds: Kinds): Typeset {
  const [a, b] = args;
  if (a !== undefined) {
    if (fn === 'exp') return { text: `e^{${exprToTex(a, kinds)}}`, precedence: POWER };
    if (fn === 'sqrt') return { text: `\\sqrt{${exprToTex(a, kinds)}}`, precedence: ATOM };
    if (fn === 'abs') return { text: `\\left|${exprToTex(a, kinds)}\\right|`, precedence: ATOM };
    if (fn === 'norm') return { text: `\\left\\|${exprToTex(a, kinds)}\\right\\|`, precedence: ATOM };
    if (fn === 'outer' && b !== undefined)
      return {
        text: `${operand(a, (p) => p < PRODUCT, kinds)} ${operand(b, (p) => p < ATOM, kinds)}^\\top`,
        precedence: PRODUCT,
      };
    if (fn === 'transpose') return { text: `${operand(a, (p) => p < ATOM, kinds)}^\\top`, precedence: POWER };
    if (fn === 'dot' && b !== undefined) {
      return {
        text: `${operand(a, (p) => p < ATOM, kinds)}^\\top ${operand(b, (p) => p < POWER, kinds)}`,
        precedence: PRODUCT,
      };
    }
  }
  const name = NAMED_FUNCTIONS[fn] ?? `\\operatorname{${fn}}`;
  return {
    text: `${name}\\left(${args.map((arg) => exprToTex(arg, kinds)).join(', ')}\\right)`,
    precedence: ATOM,
  };
}

function operand(expr: Expr, bracket: (precedence: number) => boolean, kinds: Kinds): string {
  const typeset = tex(expr, kinds);
  return bracket(typeset.precedence) ? `\\left(${typeset.text}\\right)` : typeset.text;
}

/** `1e-7` → `1 \times 10^{-7}`. */
function number(value: number): string {
  const [mantissa, exponent] = String(value).split('e');
  return exponent === undefined ? String(value) : `${mantissa} \\times 10^{${Number(exponent)}}`;
}
