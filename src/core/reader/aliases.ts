import { CONSTANT_NAMES, FUNCTION_NAMES, type FunctionName, type Vocabulary } from '../expr/ast.ts';
import { GREEK_SYMBOLS } from './greek.ts';
import { toMathText } from './mathText.ts';

/**
 * What a name in an expression stands for. The card's own aliases come first, then its names, then
 * the built-in variants (`y_hat`, `haty` → `yhat` when the card has `yhat`; `sigmoid` → `sigma`;
 * `ln` → `log`; `ReLU` → `relu`), then the constants.
 */
export type Resolved =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'constant'; readonly name: string }
  | { readonly kind: 'function'; readonly fn: FunctionName };

const FUNCTION_ALIASES: ReadonlyMap<string, FunctionName> = new Map([
  ['sigmoid', 'sigma'],
  ['logistic', 'sigma'],
  ['ln', 'log'],
]);

const FUNCTIONS: ReadonlySet<string> = new Set(FUNCTION_NAMES);
const CONSTANTS: ReadonlySet<string> = new Set(CONSTANT_NAMES);

/** Whether `name` is one of the functions of the language. */
function isFunctionName(name: string): name is FunctionName {
  return FUNCTIONS.has(name);
}

export function resolveName(name: string, vocab: Vocabulary): Resolved | undefined {
  const aliased = cardAliases(vocab).get(name);
  if (aliased !== undefined) {
    const target = resolveTarget(aliased, vocab);
    if (target !== undefined) return target;
  }
  return resolveTarget(name, vocab) ?? resolveBuiltIn(name, vocab);
}

function resolveTarget(name: string, vocab: Vocabulary): Resolved | undefined {
  if (vocab.names.has(name)) return { kind: 'name', name };
  if (CONSTANTS.has(name)) return { kind: 'constant', name };
  if (isFunctionName(name)) return { kind: 'function', fn: name };
  return undefined;
}

function resolveBuiltIn(name: string, vocab: Vocabulary): Resolved | undefined {
  const hat = /^(?:([A-Za-z]+?)_?hat|hat_?([A-Za-z]+))$/.exec(name);
  const base = hat?.[1] ?? hat?.[2];
  const hatted =
    base === undefined ? undefined : [`${base}hat`, `${base}_hat`].find((n) => vocab.names.has(n));
  if (hatted !== undefined) return { kind: 'name', name: hatted };
  // The reader spells `λ` as `lambda`; a card may have named its var `λ` itself.
  const symbol = GREEK_SYMBOLS.get(name);
  if (symbol !== undefined && vocab.names.has(symbol)) return { kind: 'name', name: symbol };
  const lower = name.toLowerCase();
  const fn = FUNCTION_ALIASES.get(lower) ?? (isFunctionName(lower) ? lower : undefined);
  return fn === undefined ? undefined : { kind: 'function', fn };
}

const aliasCache = new WeakMap<Vocabulary, ReadonlyMap<string, string>>();

/**
 * The card's aliases keyed by what the reader turns each variant into (`\lambda` and `λ` both become
 * `lambda`), as well as by the variant as written.
 */
function cardAliases(vocab: Vocabulary): ReadonlyMap<string, string> {
  const cached = aliasCache.get(vocab);
  if (cached !== undefined) return cached;
  const map = new Map<string, string>();
  for (const [variant, name] of vocab.aliases) {
    map.set(variant, name);
    const read = toMathText(variant, variant);
    if (typeof read === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(read)) map.set(read, name);
  }
  aliasCache.set(vocab, map);
  return map;
}
