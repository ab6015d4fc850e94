import type { MathNode } from 'mathjs';
import { INDEX_LETTERS, type Expr, type FunctionName, type IndexRef, type Vocabulary } from '../expr/ast.ts';
import { resolveName, type Resolved } from './aliases.ts';
import { componentOf } from './components.ts';
import { LIMITS } from './limits.ts';
import {
  badIndex,
  empty,
  notAllowed,
  ReadFailure,
  syntax,
  unknownFunction,
  unknownName,
} from './readErrors.ts';
import type { ReadError, RefusedNode } from './types.ts';

/**
 * mathjs's tree → `Expr`, through a whitelist: numbers, the card's names and constants, the listed
 * functions and the arithmetic operators. Anything else (strings, units, matrices, assignments,
 * blocks, conditions, ranges, objects, comparisons) is refused with a reason naming it.
 */

/** The views of mathjs's node classes this file reads (its own typings are generic over `never`). */
interface OperatorView {
  readonly op: string;
  readonly fn: string;
  readonly args: readonly MathNode[];
  readonly implicit: boolean;
}
interface FunctionView {
  readonly fn: MathNode;
  readonly args: readonly MathNode[];
}
interface AccessorView {
  readonly object: MathNode;
  readonly index: { readonly dimensions: readonly MathNode[]; readonly dotNotation: boolean };
}
const symbolName = (node: MathNode): string | undefined =>
  node.type === 'SymbolNode' ? (node as unknown as { name: string }).name : undefined;

/** How many arguments each function takes; `max(x)` and `min(x)` fold over a vector's components. */
const ARITY: Readonly<Record<FunctionName, readonly [number, number]>> = {
  sigma: [1, 1],
  tanh: [1, 1],
  relu: [1, 1],
  softplus: [1, 1],
  exp: [1, 1],
  log: [1, 1],
  sqrt: [1, 1],
  abs: [1, 1],
  max: [1, 2],
  min: [1, 2],
  dot: [2, 2],
  sum: [1, 1],
  norm: [1, 1],
  transpose: [1, 1],
  outer: [2, 2],
  diag: [1, 1],
  softmax: [1, 1],
};

const BINARY: Readonly<Record<string, Extract<Expr, { kind: 'binary' }>['op']>> = {
  add: 'add',
  subtract: 'sub',
  multiply: 'mul',
  divide: 'div',
  pow: 'pow',
  dotMultiply: 'emul',
  dotDivide: 'ediv',
  dotPow: 'epow',
};

const REFUSED: Readonly<Record<string, RefusedNode>> = {
  AssignmentNode: 'assignment',
  FunctionAssignmentNode: 'function_assignment',
  BlockNode: 'block',
  ConditionalNode: 'conditional',
  RangeNode: 'range',
  ObjectNode: 'object',
  RelationalNode: 'relational',
};

export interface Converted {
  readonly expr: Expr;
  /** The card names and functions the expression uses, after aliases. */
  readonly names: ReadonlySet<string>;
}

export function toExpr(root: MathNode, vocab: Vocabulary, source: string): Converted | ReadError {
  const names = new Set<string>();
  const vectors = [...vocab.names].filter(([, kind]) => kind === 'vector').map(([name]) => name);

  const fail = (error: ReadError): never => {
    throw new ReadFailure(error);
  };

  function convert(node: MathNode, bound: readonly string[]): Expr {
    switch (node.type) {
      case 'ParenthesisNode':
        return convert((node as unknown as { content: MathNode }).content, bound);
      case 'ConstantNode':
        return constant((node as unknown as { value: unknown }).value);
      case 'SymbolNode':
        return value(symbolName(node) ?? '', bound);
      case 'OperatorNode':
        return operator(node as unknown as OperatorView, bound);
      case 'FunctionNode':
        return call(node as unknown as FunctionView, bound);
      case 'AccessorNode':
        return accessor(node as unknown as AccessorView, bound);
      case 'ArrayNode':
        return brackets((node as unknown as { items: readonly MathNode[] }).items, bound);
      default: {
        const refused = REFUSED[node.type];
        return fail(
          notAllowed(
            refused !== undefined
              ? { kind: 'node', node: refused }
              : { kind: 'other', text: node.toString() },
            node.toString(),
          ),
        );
      }
    }
  }

  function constant(raw: unknown): Expr {
    if (typeof raw === 'number' && Number.isFinite(raw)) return { kind: 'num', value: raw };
    if (raw === undefined) return fail(empty());
    if (typeof raw === 'string') {
      return fail(notAllowed({ kind: 'text' }, `"${raw}"`));
    }
    return fail(notAllowed({ kind: 'number', text: String(raw) }, String(raw)));
  }

  /** A name standing for a value: a card name, a constant, or a component `x_j`. */
  function value(name: string, bound: readonly string[]): Expr {
    const resolved = resolveName(name, vocab);
    if (resolved?.kind === 'function') {
      return fail(notAllowed({ kind: 'function_as_value', name, fn: resolved.fn }, name));
    }
    if (resolved !== undefined) return symbol(resolved);
    const split = /^(.+)_([^_]+)$/.exec(name);
    if (split?.[1] !== undefined && split[2] !== undefined) return indexed(split[1], split[2], name, bound);
    // `yx`, `yhatx`: names written side by side without a space are a product.
    const pieces = segment(name);
    if (pieces !== undefined)
      return pieces
        .map((piece) => value(piece, bound))
        .reduce((left, right) => ({ kind: 'binary', op: 'mul', left, right }));
    return fail(unknownName(name, vocab));
  }

  function isCardName(node: MathNode): boolean {
    const name = symbolName(node);
    return name !== undefined && resolveName(name, vocab)?.kind === 'name';
  }

  function isVectorName(name: string): boolean {
    const resolved = resolveName(name, vocab);
    return resolved?.kind === 'name' && vocab.names.get(resolved.name) === 'vector';
  }

  /** Splits an unknown run of letters into the card's names, longest first; undefined when it cannot. */
  function segment(name: string): string[] | undefined {
    if (!/^[A-Za-z]{2,12}$/.test(name)) return undefined;
    const known = (piece: string) => resolveName(piece, vocab)?.kind === 'name';
    const from = (start: number): string[] | undefined => {
      if (start === name.length) return [];
      for (let end = name.length; end > start; end--) {
        const piece = name.slice(start, end);
        if (!known(piece)) continue;
        const rest = from(end);
        if (rest !== undefined) return [piece, ...rest];
      }
      return undefined;
    };
    return from(0);
  }

  function symbol(resolved: Exclude<Resolved, { kind: 'function' }>): Expr {
    if (resolved.kind === 'name') names.add(resolved.name);
    return { kind: 'sym', name: resolved.name };
  }

  function indexed(base: string, index: string, written: string, bound: readonly string[]): Expr {
    const resolved = resolveName(base, vocab);
    if (resolved === undefined) {
      return fail(unknownName(base, vocab, written));
    }
    if (resolved.kind === 'name' && vocab.names.get(resolved.name) === 'matrix')
      return entry(resolved.name, index, written, bound);
    if (resolved.kind !== 'name' || vocab.names.get(resolved.name) !== 'vector') {
      const shown = resolved.kind === 'function' ? resolved.fn : resolved.name;
      return fail(badIndex({ kind: 'not_a_vector', name: shown, written, vectors }, written));
    }
    names.add(resolved.name);
    return { kind: 'index', name: resolved.name, index: indexRef(index, resolved.name, written, bound) };
  }

  const isLetter = (index: string, bound: readonly string[]) =>
    (INDEX_LETTERS as readonly string[]).includes(index) || bound.includes(index);

  /** `W_ij`, `W_{i,j}`: the entry of a matrix name in row i, column j, for every i and j. */
  function entry(name: string, index: string, written: string, bound: readonly string[]): Expr {
    const [row = '', column = '', ...rest] = index;
    if (rest.length > 0 || !isLetter(row, bound) || !isLetter(column, bound))
      return fail(badIndex({ kind: 'matrix_entry', name }, written));
    names.add(name);
    return { kind: 'index', name, index: { kind: 'letter', letter: row }, column };
  }

  function indexRef(index: string, base: string, written: string, bound: readonly string[]): IndexRef {
    if (/^[0-9]+$/.test(index)) {
      const position = Number(index);
      if (position < 1) return fail(badIndex({ kind: 'from_one', written }, written));
      if (position > LIMITS.position) return fail(badIndex({ kind: 'too_far', written }, written));
      return { kind: 'position', position };
    }
    if (isLetter(index, bound)) return { kind: 'letter', letter: index };
    return fail(badIndex({ kind: 'unreadable', written, base }, written));
  }

  function operator(node: OperatorView, bound: readonly string[]): Expr {
    const [first, second] = node.args;
    if (first === undefined) return fail(syntax(source, { kind: 'operand_missing', operator: node.op }));
    if (node.fn === 'unaryMinus') return { kind: 'neg', arg: convert(first, bound) };
    if (node.fn === 'unaryPlus') return convert(first, bound);
    if (node.fn === 'ctranspose' || node.fn === 'transpose') {
      const name = symbolName(first);
      if (name !== undefined && resolveName(name, vocab)?.kind === 'function') {
        return fail(notAllowed({ kind: 'derivative', name }, name));
      }
      return makeCall('transpose', [first], bound);
    }
    const op = BINARY[node.fn];
    if (op === undefined || second === undefined) {
      return fail(notAllowed({ kind: 'operator', operator: node.op }, node.op));
    }
    if (node.fn === 'multiply' && node.implicit) return juxtaposition(node, bound);
    if (op === 'pow' && isConstantE(first)) return makeCall('exp', [second], bound);
    return { kind: 'binary', op, left: convert(first, bound), right: convert(second, bound) };
  }

  const isConstantE = (node: MathNode): boolean => {
    const name = symbolName(node);
    const resolved = name === undefined ? undefined : resolveName(name, vocab);
    return resolved?.kind === 'constant' && resolved.name === 'e';
  };

  /**
   * Factors written side by side. A bare function name applies to the factor after it, as in
   * LaTeX's `y \log \hat{y}` (mathjs reads `log yhat` as a product of two symbols).
   *
   * Factors side by side bind tighter than `/`, whatever they are: `a/bc` is a/(bc), so `1/n(n+1)`
   * is 1/(n(n+1)) and `1/2x` is 1/(2x) — mathjs alone makes an exception of a number over a number
   * (`1/2x` as (1/2)x), which is undone here. `(1/2)x`, `\frac{1}{2}x` and `x/2` say the other.
   */
  function juxtaposition(node: OperatorView, bound: readonly string[]): Expr {
    const factors: MathNode[] = [];
    let left: MathNode | undefined = node as unknown as MathNode;
    while (left !== undefined && left.type === 'OperatorNode' && isImplicitProduct(left)) {
      const [a, b]: readonly (MathNode | undefined)[] = (left as unknown as OperatorView).args;
      if (b !== undefined) factors.unshift(b);
      left = a;
    }
    if (left !== undefined) factors.unshift(left);
    const head = factors[0];
    const fraction = head?.type === 'OperatorNode' ? (head as unknown as OperatorView) : undefined;
    const [numerator, denominator] = fraction?.fn === 'divide' ? fraction.args : [];
    if (numerator !== undefined && denominator !== undefined) {
      factors[0] = denominator;
      return { kind: 'binary', op: 'div', left: convert(numerator, bound), right: product(factors, bound) };
    }
    return product(factors, bound);
  }

  function product(factors: readonly MathNode[], bound: readonly string[]): Expr {
    let result: Expr | undefined;
    for (let i = 0; i < factors.length; i++) {
      const factor = factors[i] as MathNode;
      const name = symbolName(factor);
      const resolved = name === undefined ? undefined : resolveName(name, vocab);
      let term: Expr;
      const letter = componentLetter(factors[i + 1]);
      if (letter !== undefined && (factor.type === 'ParenthesisNode' || factor.type === 'FunctionNode')) {
        term = component(factor, letter, bound);
        i++;
      } else if (resolved?.kind === 'function' && factors[i + 1] !== undefined) {
        term = makeCall(resolved.fn, [factors[i + 1] as MathNode], bound);
        i++;
      } else {
        term = convert(factor, bound);
      }
      result = result === undefined ? term : { kind: 'binary', op: 'mul', left: result, right: term };
    }
    return result ?? fail(empty());
  }

  /** The letter of a subscript that follows a bracket (`(yhat - y)_i` parses as a product with `_i`). */
  function componentLetter(node: MathNode | undefined): string | undefined {
    const name = node === undefined ? undefined : symbolName(node);
    return name === undefined ? undefined : /^_([A-Za-z])$/.exec(name)?.[1];
  }

  function component(node: MathNode, letter: string, bound: readonly string[]): Expr {
    // `x_j (yhat - y)_i` parses as `x_j(yhat - y)` then `_i`: the index belongs to the brackets.
    const call = node.type === 'FunctionNode' ? (node as unknown as FunctionView) : undefined;
    const head = call === undefined ? undefined : symbolName(call.fn);
    const [only] = call?.args ?? [];
    if (
      head !== undefined &&
      only !== undefined &&
      call?.args.length === 1 &&
      resolveName(head, vocab)?.kind === 'name'
    )
      return { kind: 'binary', op: 'mul', left: value(head, bound), right: component(only, letter, bound) };
    const written = `${node.toString()}_${letter}`;
    if (!isLetter(letter, bound)) return fail(badIndex({ kind: 'unreadable_letter', written }, written));
    return (
      componentOf(convert(node, bound), letter, vocab.names) ??
      fail(badIndex({ kind: 'bracket_component', written }, written))
    );
  }

  function isImplicitProduct(node: MathNode): boolean {
    const view = node as unknown as OperatorView;
    return view.fn === 'multiply' && view.implicit;
  }

  function makeCall(fn: FunctionName, args: readonly MathNode[], bound: readonly string[]): Expr {
    const [fewest, most] = ARITY[fn];
    if (args.length < fewest || args.length > most) {
      return fail(syntax(source, { kind: 'arity', fn, takes: [fewest, most], given: args.length }, fn));
    }
    names.add(fn);
    return { kind: 'call', fn, args: args.map((arg) => convert(arg, bound)) };
  }

  function call(node: FunctionView, bound: readonly string[]): Expr {
    const name = symbolName(node.fn);
    if (name === undefined)
      return fail(notAllowed({ kind: 'call_of', text: node.fn.toString() }, node.fn.toString()));
    const resolved = resolveName(name, vocab);
    if (resolved?.kind === 'function') return makeCall(resolved.fn, node.args, bound);
    const sumLetter = /^(?:sum|Σ)_([A-Za-z])$/.exec(name)?.[1];
    if (resolved === undefined && sumLetter !== undefined) return sum(sumLetter, node.args, bound);
    const hatted = node.args.length === 1 ? symbolName(node.args[0] as MathNode) : undefined;
    if (name === 'hat' && hatted !== undefined) return value(`${hatted}hat`, bound);
    if (resolved === undefined && !/_/.test(name)) {
      return fail(name.length === 1 ? unknownName(name, vocab) : unknownFunction(name));
    }
    // `yhat(x, w)`, as a question writes a network's output: what a scalar depends on, not a product.
    if (
      resolved?.kind === 'name' &&
      vocab.names.get(resolved.name) === 'scalar' &&
      node.args.length > 1 &&
      node.args.every((a) => isCardName(a))
    )
      return value(name, bound);
    // A name that is not a function, before brackets, multiplies them: `x(y - yhat)`, `yhat(1 - yhat)`.
    const [arg] = node.args;
    if (arg === undefined || node.args.length > 1) {
      return fail(syntax(source, { kind: 'not_a_function', name }, name));
    }
    return { kind: 'binary', op: 'mul', left: value(name, bound), right: convert(arg, bound) };
  }

  function sum(letter: string, args: readonly MathNode[], bound: readonly string[]): Expr {
    const [body] = args;
    if (body === undefined || args.length > 1) {
      return fail(syntax(source, { kind: 'sum_of_several' }));
    }
    if (vocab.names.has(letter)) {
      return fail(badIndex({ kind: 'sum_letter_taken', letter }, letter));
    }
    return { kind: 'sum', letter, body: convert(body, [...bound, letter]) };
  }

  /** `x[1]`, `x[j]`: a component, as `x_1`, `x_j`. */
  function accessor(node: AccessorView, bound: readonly string[]): Expr {
    const base = symbolName(node.object);
    const [dimension] = node.index.dimensions;
    const index =
      dimension === undefined
        ? undefined
        : dimension.type === 'ConstantNode'
          ? String((dimension as unknown as { value: unknown }).value)
          : symbolName(dimension);
    // `w.x`: a dot between two vectors is their dot product, as students write it from slides.
    if (
      node.index.dotNotation &&
      base !== undefined &&
      index !== undefined &&
      isVectorName(base) &&
      isVectorName(index)
    )
      return { kind: 'binary', op: 'mul', left: value(base, bound), right: value(index, bound) };
    if (
      node.index.dotNotation ||
      base === undefined ||
      index === undefined ||
      node.index.dimensions.length > 1
    ) {
      return fail(notAllowed({ kind: 'part', text: String(node) }, base ?? ''));
    }
    return indexed(base, index, `${base}[${index}]`, bound);
  }

  /** `[y - yhat] x`: square brackets used as parentheses; a list or matrix is refused. */
  function brackets(items: readonly MathNode[], bound: readonly string[]): Expr {
    const [only] = items;
    if (only === undefined || items.length > 1 || only.type === 'ArrayNode') {
      return fail(notAllowed({ kind: 'list' }, '['));
    }
    return convert(only, bound);
  }

  try {
    return { expr: convert(root, []), names };
  } catch (failure) {
    if (failure instanceof ReadFailure) return failure.error;
    throw failure;
  }
}
