import type { Expr } from '../expr/ast.ts';

const num = (value: number): Expr => ({ kind: 'num', value });
const isNum = (e: Expr): e is Expr & { kind: 'num' } => e.kind === 'num';
const isValue = (e: Expr, value: number): boolean => e.kind === 'num' && e.value === value;

/**
 * A light tidy-up of a derivative as the differentiation rules produce it: zeros and ones
 * dropped, constants folded, `a + -b` written `a - b`, `a * (1/b)` written `a / b`. Enough for a
 * form a student recognises, not a computer-algebra normal form.
 */
export function simplify(e: Expr): Expr {
  switch (e.kind) {
    case 'neg': {
      const a = simplify(e.arg);
      if (isNum(a)) return num(-a.value);
      if (a.kind === 'neg') return a.arg;
      return { kind: 'neg', arg: a };
    }
    case 'binary': {
      const a = simplify(e.left);
      const b = simplify(e.right);
      return binary(e.op, a, b);
    }
    case 'call':
      return { ...e, args: e.args.map(simplify) };
    case 'sum':
      return { ...e, body: simplify(e.body) };
    default:
      return e;
  }
}

function binary(op: Expr & { kind: 'binary' } extends { op: infer O } ? O : never, a: Expr, b: Expr): Expr {
  const make = (o: typeof op, l: Expr, r: Expr): Expr => ({ kind: 'binary', op: o, left: l, right: r });
  if (isNum(a) && isNum(b)) {
    const fold: Partial<Record<typeof op, (x: number, y: number) => number>> = {
      add: (x, y) => x + y,
      sub: (x, y) => x - y,
      mul: (x, y) => x * y,
      pow: (x, y) => x ** y,
    };
    const f = fold[op];
    if (f !== undefined) return num(f(a.value, b.value));
  }
  switch (op) {
    case 'add':
      if (isValue(a, 0)) return b;
      if (isValue(b, 0)) return a;
      if (b.kind === 'neg') return make('sub', a, b.arg);
      return make('add', a, b);
    case 'sub':
      if (isValue(b, 0)) return a;
      if (isValue(a, 0)) return simplify({ kind: 'neg', arg: b });
      if (b.kind === 'neg') return make('add', a, b.arg);
      return make('sub', a, b);
    case 'mul':
    case 'emul':
      if (isValue(a, 0) || isValue(b, 0)) return num(0);
      if (isValue(a, 1)) return b;
      if (isValue(b, 1)) return a;
      if (isValue(a, -1)) return simplify({ kind: 'neg', arg: b });
      if (isValue(b, -1)) return simplify({ kind: 'neg', arg: a });
      if (a.kind === 'neg') return simplify({ kind: 'neg', arg: binary(op, a.arg, b) });
      if (b.kind === 'neg') return simplify({ kind: 'neg', arg: binary(op, a, b.arg) });
      if (b.kind === 'binary' && b.op === 'div' && isValue(b.left, 1)) return binary('div', a, b.right);
      if (a.kind === 'binary' && a.op === 'div' && isValue(a.left, 1)) return binary('div', b, a.right);
      // 0.5 * (2 * u) → u: two numeric coefficients of one product meet.
      if (op === 'mul' && isNum(a) && b.kind === 'binary' && b.op === 'mul' && isNum(b.left))
        return binary('mul', num(a.value * b.left.value), b.right);
      return make(op, a, b);
    case 'div': {
      if (isValue(a, 0)) return num(0);
      if (isValue(b, 1)) return a;
      if (isNum(a) && a.value < 0) return simplify({ kind: 'neg', arg: make('div', num(-a.value), b) });
      if (a.kind === 'neg') return simplify({ kind: 'neg', arg: binary('div', a.arg, b) });
      // (2 * u) / 2 → u: the numeric coefficient of a product meets the numeric divisor.
      if (isNum(b) && a.kind === 'binary' && a.op === 'mul' && isNum(a.left)) {
        const c = a.left.value / b.value;
        return c === 1 ? a.right : make('mul', num(c), a.right);
      }
      return make('div', a, b);
    }
    case 'pow':
      if (isValue(b, 0)) return num(1);
      if (isValue(b, 1)) return a;
      return make('pow', a, b);
    default:
      return make(op, a, b);
  }
}
