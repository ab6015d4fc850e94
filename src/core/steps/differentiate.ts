import type { Expr } from '../expr/ast.ts';
import { namesIn } from '../expr/names.ts';
import { simplify } from './simplify.ts';

const num = (value: number): Expr => ({ kind: 'num', value });
const bin = (op: 'add' | 'sub' | 'mul' | 'div' | 'pow', left: Expr, right: Expr): Expr => ({
  kind: 'binary',
  op,
  left,
  right,
});
const call = (fn: 'sigma' | 'tanh' | 'exp' | 'log' | 'sqrt', arg: Expr): Expr => ({
  kind: 'call',
  fn,
  args: [arg],
});
const uses = (e: Expr, name: string) => namesIn(e).has(name);

class NoForm {}

/**
 * The symbolic derivative of a scalar expression with respect to a scalar name, others held
 * fixed; or of a linear form (`dot(w, x) + b`) with respect to a vector name. `undefined` where
 * no closed form is worth showing (relu, abs, max: piecewise), the step is then graded from its
 * numeric reference alone.
 */
export function differentiate(expr: Expr, name: string, vector = false): Expr | undefined {
  try {
    return simplify(vector ? dVector(expr, name) : d(expr, name));
  } catch (error) {
    if (error instanceof NoForm) return undefined;
    throw error;
  }
}

function d(e: Expr, h: string): Expr {
  if (!uses(e, h)) return num(0);
  switch (e.kind) {
    case 'sym':
      return num(e.name === h ? 1 : 0);
    case 'neg':
      return { kind: 'neg', arg: d(e.arg, h) };
    case 'binary': {
      const { left: a, right: b } = e;
      switch (e.op) {
        case 'add':
        case 'sub':
          return bin(e.op, d(a, h), d(b, h));
        case 'mul':
        case 'emul':
          return bin('add', bin('mul', d(a, h), b), bin('mul', a, d(b, h)));
        case 'div':
        case 'ediv':
          if (!uses(b, h)) return bin('div', d(a, h), b);
          return bin(
            'div',
            bin('sub', bin('mul', d(a, h), b), bin('mul', a, d(b, h))),
            bin('pow', b, num(2)),
          );
        case 'pow':
        case 'epow':
          if (!uses(b, h)) return bin('mul', bin('mul', b, bin('pow', a, bin('sub', b, num(1)))), d(a, h));
          if (a.kind === 'sym' && a.name === 'e') return bin('mul', e, d(b, h));
          return bin(
            'mul',
            e,
            bin('add', bin('mul', d(b, h), call('log', a)), bin('div', bin('mul', b, d(a, h)), a)),
          );
      }
      break;
    }
    case 'call': {
      const [u] = e.args;
      if (u === undefined || e.args.length !== 1) throw new NoForm();
      const du = d(u, h);
      switch (e.fn) {
        case 'sigma':
          return bin('mul', bin('mul', e, bin('sub', num(1), e)), du);
        case 'tanh':
          return bin('mul', bin('sub', num(1), bin('pow', e, num(2))), du);
        case 'exp':
          return bin('mul', e, du);
        case 'log':
          return bin('div', du, u);
        case 'sqrt':
          return bin('div', du, bin('mul', num(2), e));
        case 'softplus':
          return bin('mul', call('sigma', u), du);
        case 'transpose':
          return du;
        default:
          throw new NoForm();
      }
    }
    default:
      break;
  }
  throw new NoForm();
}

/** `h`, `h - c`, `h + c` or `c + h` with c free of h: a shift of h, whose Jacobian is the identity. */
function isShifted(e: Expr, h: string): boolean {
  if (e.kind === 'sym') return e.name === h;
  if (e.kind !== 'binary' || (e.op !== 'add' && e.op !== 'sub')) return false;
  if (isShifted(e.left, h)) return !uses(e.right, h);
  return e.op === 'add' && isShifted(e.right, h) && !uses(e.left, h);
}

/** ∇ of a form linear or quadratic in the vector `h`: `dot(h, x)` → x, `dot(h, h)` → 2h, `c * …`. */
function dVector(e: Expr, h: string): Expr {
  if (!uses(e, h)) return num(0);
  const isH = (x: Expr) => x.kind === 'sym' && x.name === h;
  const dotArgs =
    e.kind === 'call' && e.fn === 'dot'
      ? e.args
      : e.kind === 'binary' && e.op === 'mul' && isH(e.left) !== isH(e.right) && (isH(e.left) || isH(e.right))
        ? [e.left, e.right]
        : undefined;
  if (dotArgs !== undefined) {
    const [a, b] = dotArgs as [Expr, Expr];
    if (isH(a) && isH(b)) return bin('mul', num(2), a);
    // ‖h − y‖²: the squared error of a vector output, 2(h − y).
    if (isShifted(a, h) && JSON.stringify(a) === JSON.stringify(b)) return bin('mul', num(2), a);
    if (isH(a) && !uses(b, h)) return b;
    if (isH(b) && !uses(a, h)) return a;
  }
  if (e.kind === 'binary' && (e.op === 'add' || e.op === 'sub'))
    return bin(e.op, dVector(e.left, h), dVector(e.right, h));
  if (e.kind === 'neg') return { kind: 'neg', arg: dVector(e.arg, h) };
  if (e.kind === 'binary' && (e.op === 'mul' || e.op === 'div') && !uses(e.right, h))
    return bin(e.op, dVector(e.left, h), e.right);
  if (e.kind === 'binary' && e.op === 'mul' && !uses(e.left, h))
    return bin('mul', e.left, dVector(e.right, h));
  throw new NoForm();
}
