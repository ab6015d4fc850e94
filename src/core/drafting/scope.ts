import type { Expr, Vocabulary } from '../expr/ast.ts';
import { inferShape, type Shape } from '../expr/shape.ts';
import { printExpr } from '../expr/print.ts';
import { readExpression } from '../reader/index.ts';
import { resolveName } from '../reader/aliases.ts';
import { vocabularyOf } from '../cards/vocabulary.ts';
import type { Definition } from './definitions.ts';
import type { Domain } from './domains.ts';
import { nameUse } from './mathNames.ts';
import { shareDefinitions } from './shareDefinitions.ts';

/** SPEC section 1's defaults where the card gives no range. */
const LENGTH_RANGE = [2, 6];
const REAL_RANGE = [-2, 2];
const POSITIVE_RANGE = [0.1, 2];
const DEFAULT_LENGTH = 'n';

/** The names a drafted block declares and defines, and its loss, all read. */
export interface Scope {
  /** `check.vars` as it will be written. */
  readonly vars: Readonly<Record<string, unknown>>;
  /** `check.given`, in an order where each uses only the names before it. */
  readonly given: readonly {
    readonly name: string;
    readonly source: string;
    readonly from: Definition['from'];
  }[];
  readonly loss: string;
  readonly shapes: ReadonlyMap<string, Shape>;
  readonly vocabulary: Vocabulary;
}

export type ScopeOutcome =
  { readonly ok: true; readonly scope: Scope } | { readonly ok: false; readonly reason: string };

const NO_VOCABULARY = { names: new Map(), aliases: new Map() };

/**
 * Names a card cannot define as a given: the loss itself, what has a stated domain (a var), a
 * function the grader already knows (`\sigma(s) = \frac{1}{1+e^{-s}}` only reminds the reader),
 * and a name set to a number (`y = 1`, a case, not a definition).
 */
function definable(d: Definition, lossName: string, domains: ReadonlyMap<string, Domain>): boolean {
  return (
    d.name !== lossName &&
    !domains.has(d.name) &&
    resolveName(d.name, NO_VOCABULARY) === undefined &&
    !d.sides.every((s) => /^[\d\s.+-]*$/.test(s))
  );
}

/**
 * Decides the vars (every name the loss and the question's definitions use that nothing defines,
 * drawn from its stated domain or SPEC's defaults) and the given names (the definitions, from the
 * question, then consistent ones from the solution), and reads the loss with them.
 */
export function scopeOf(
  definitions: readonly Definition[],
  domains: ReadonlyMap<string, Domain>,
  lossName: string,
  wrts: readonly string[],
  evidence: readonly string[],
): ScopeOutcome {
  const lossDefinition =
    definitions.find((d) => d.name === lossName && d.from === 'question') ??
    definitions.find((d) => d.name === lossName);
  if (lossDefinition === undefined)
    return { ok: false, reason: `the question does not define the loss ${lossName} (as "${lossName} = …")` };
  const inQuestion = new Set(definitions.filter((d) => d.from === 'question').map((d) => d.name));
  // The question's definitions are the card's; the solution adds names, it does not redefine them.
  const candidates = definitions.filter(
    (d) => definable(d, lossName, domains) && (d.from === 'question' || !inQuestion.has(d.name)),
  );
  // A name the solution defines twice, differently (`g = (ŷ - y)x`, then `g = (y - ŷ)x`), is not a definition.
  const ambiguous = new Set(
    candidates
      .filter((d) => d.from === 'solution')
      .filter((d, _, all) => all.some((o) => o.name === d.name && o.sides.join('=') !== d.sides.join('=')))
      .map((d) => d.name),
  );
  const defined = new Set(candidates.filter((d) => !ambiguous.has(d.name)).map((d) => d.name));
  const known = new Set([...defined, lossName]);
  const used = nameUse(
    [
      ...lossDefinition.sides.slice(0, 1),
      ...candidates.filter((d) => d.from === 'question').map((d) => d.sides[0] ?? ''),
    ],
    known,
  );
  const vectorHints = nameUse(evidence, known).vectors;
  const lengths = [...domains.values()].flatMap((d) => (d.kind === 'vector' ? [d.length] : []));
  const length = lengths[0] ?? DEFAULT_LENGTH;
  const varNames = [...new Set([...used.names, ...wrts])].filter(
    (n) => !defined.has(n) && n !== lossName && !lengths.includes(n),
  );
  const vectorOf = (name: string): Domain | undefined =>
    domains.get(name) ?? (vectorHints.has(name) ? { kind: 'vector', length } : undefined);
  const lengthVars = varNames.flatMap((n) => {
    const domain = vectorOf(n);
    return domain?.kind === 'vector' && typeof domain.length === 'string' ? [domain.length] : [];
  });

  const vars: Record<string, unknown> = {};
  const shapes = new Map<string, Shape>();
  for (const name of new Set(lengthVars)) {
    vars[name] = LENGTH_RANGE;
    shapes.set(name, { kind: 'scalar' });
  }
  for (const name of varNames) {
    const domain = vectorOf(name);
    if (domain?.kind === 'unsupported')
      return { ok: false, reason: `${name} ∈ ${domain.set} cannot be drawn (only scalars and vectors can)` };
    vars[name] = varEntry(domain);
    shapes.set(
      name,
      domain?.kind === 'vector' ? { kind: 'vector', length: domain.length } : { kind: 'scalar' },
    );
  }

  const definedRead: { name: string; expr: Expr; from: Definition['from'] }[] = [];
  const vocabulary = () => vocabularyOf(shapes, new Map());
  const read = (tex: string): { expr: Expr; shape: Shape } | undefined => {
    const result = readExpression(tex, vocabulary());
    if (!result.ok) return undefined;
    const shape = inferShape(result.expr, shapes);
    return shape.ok && shape.info.free === undefined
      ? { expr: result.expr, shape: shape.info.shape }
      : undefined;
  };
  // Definitions may use each other in any order in the text: read them until none more can be.
  let pending = candidates.filter((d) => !ambiguous.has(d.name));
  for (let progress = true; progress;) {
    progress = false;
    pending = pending.filter((d) => {
      if (shapes.has(d.name)) return false;
      const side = d.sides.map(read).find((r) => r !== undefined);
      if (side === undefined) return true;
      definedRead.push({ name: d.name, expr: side.expr, from: d.from });
      shapes.set(d.name, side.shape);
      progress = true;
      return false;
    });
  }
  const loss = lossDefinition.sides.map((s) => ({ tex: s, read: read(s) })).find((s) => s.read !== undefined);
  if (loss?.read === undefined) {
    const missing = pending.filter((d) => d.from === 'question').map((d) => d.name);
    return {
      ok: false,
      reason:
        `the loss ${lossName} = ${lossDefinition.sides[0] ?? ''} cannot be read` +
        (missing.length > 0 ? ` (the definitions of ${missing.join(', ')} could not be read)` : ''),
    };
  }
  if (loss.read.shape.kind !== 'scalar') return { ok: false, reason: `the loss ${lossName} is not a scalar` };
  const shared = shareDefinitions(definedRead, loss.read.expr);
  const fromOf = new Map(definedRead.map((d) => [d.name, d.from]));
  const given = shared.defined.map((d) => ({
    name: d.name,
    source: printExpr(d.expr),
    from: fromOf.get(d.name) ?? 'question',
  }));
  return {
    ok: true,
    scope: { vars, given, loss: printExpr(shared.loss), shapes, vocabulary: vocabulary() },
  };
}

function varEntry(domain: Domain | undefined): unknown {
  switch (domain?.kind) {
    case 'vector':
      return { vector: domain.length, range: REAL_RANGE };
    case 'real':
      return { range: [domain.min, domain.max] };
    case 'positive':
      return { range: POSITIVE_RANGE };
    case 'choice':
      return { choice: domain.values };
    case 'integer':
      return [domain.min, domain.max];
    default:
      return { range: REAL_RANGE };
  }
}
