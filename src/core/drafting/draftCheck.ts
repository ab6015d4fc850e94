import type { CardInfo, SignRule } from '../cards/card.ts';
import { buildNumericCard } from '../cards/parseCard.ts';
import { checkCard } from '../checking/checkCard.ts';
import { printExpr } from '../expr/print.ts';
import { preparePart, type PreparedPart } from '../grading/prepare.ts';
import { isClose } from '../grading/tolerance.ts';
import type { Rng } from '../random/rng.ts';
import { askedIn, type Derivative } from './asked.ts';
import { blockOf, type DraftedPart } from './block.ts';
import { definitionsOf } from './definitions.ts';
import { domainsOf } from './domains.ts';
import { allFormulas, finalFormula, readFormula, type Formula } from './formulas.ts';
import { mathSegments, wordsOf } from './mathSegments.ts';
import { nameUse } from './mathNames.ts';
import { splitQuestion, splitSolution, type PartText } from './parts.ts';
import { compare, showPoint, showValue, valuesAt } from './pointValues.ts';
import { scopeOf, type Scope } from './scope.ts';
import { signRule } from './signConvention.ts';
import { statementsOf, type Statement } from './statements.ts';

/** A check block drafted from a card's own text and proven against its solution, or why not. */
export type DraftOutcome =
  | {
      readonly ok: true;
      /** The block as it would be written in the front matter (plain data, for YAML). */
      readonly block: Record<string, unknown>;
      /** Per part, the solution formula the draft was proven against. */
      readonly provenAgainst: readonly { readonly label: string; readonly formula: string }[];
    }
  | { readonly ok: false; readonly reason: string };

/** The names a loss goes by when the question does not say which function it differentiates. */
const LOSS_NAMES = ['ell', 'L', 'J', 'E', 'l', 'loss'];
/** A part that asks for this wants the answer written with the card's intermediate names. */
const REUSE = /\b(?:re-?use|express(?:ed)?|in terms of|written with|write it with)\b/i;

const failed = (reason: string): DraftOutcome => ({ ok: false, reason });
const symbol = (name: string) => (name === 'ell' ? 'ℓ' : name);

/** Drafts and proves a check block for a `type: derivation` card written without one. */
export function draftCheck(card: CardInfo, rng: Rng): DraftOutcome {
  // Links to other notes are not part of the derivation.
  const solution = card.solution?.split(/^#+\s*Related Concepts/im)[0]?.trim() ?? '';
  if (solution === '') return failed('there is no "# Solution" to prove a draft against');
  const question = splitQuestion(card.question);
  const questionStatements = statementsOf(card.question);
  const solutionStatements = statementsOf(solution);
  const definitions = [
    ...definitionsOf(questionStatements, 'question'),
    ...definitionsOf(solutionStatements, 'solution'),
  ];

  const asked = askedOfParts(question.parts, question.preamble, card.question);
  const unknown = asked.findIndex((a) => a?.wrt === undefined);
  if (unknown >= 0)
    return failed(
      `part ${question.parts[unknown]?.label}: I cannot tell which derivative it asks for (no ∇ℓ(w), ∂ℓ/∂w or "with respect to $w$")`,
    );
  const derivatives = asked as (Derivative & { wrt: string })[];
  const lossName =
    derivatives.find((d) => d.of !== undefined)?.of ??
    LOSS_NAMES.find((name) => definitions.some((d) => d.name === name));
  if (lossName === undefined) return failed('I cannot find the loss (a definition such as "\\ell(w) = …")');

  const scoped = scopeOf(
    definitions,
    domainsOf(`${card.question}\n${solution}`),
    lossName,
    derivatives.map((d) => d.wrt),
    [...questionStatements, ...solutionStatements].flatMap((s) => s.sides),
  );
  if (!scoped.ok) return failed(scoped.reason);
  const scope = scoped.scope;
  // The same statements are read for the final formulas and for the signs: each once per wrt.
  const readers = new Map<string, (tex: string) => Formula | undefined>();
  const reader = (wrt: string) => {
    const known = readers.get(wrt);
    if (known !== undefined) return known;
    const cache = new Map<string, Formula | undefined>();
    const read = (tex: string) => {
      if (!cache.has(tex)) cache.set(tex, readFormula(tex, scope.vocabulary, scope.shapes, wrt));
      return cache.get(tex);
    };
    readers.set(wrt, read);
    return read;
  };

  const sections = splitSolution(
    solution,
    question.parts.map((p) => p.label),
  );
  const claims: Formula[] = [];
  for (const [i, part] of question.parts.entries()) {
    const d = derivatives[i] as Derivative & { wrt: string };
    const section = sections?.get(part.label);
    const claim = finalFormula(statementsOf(section ?? solution), d, reader(d.wrt));
    if (claim === undefined)
      return failed(
        `part ${part.label}: the solution has no formula I can read for ∂${symbol(lossName)}/∂${d.wrt}`,
      );
    claims.push(claim);
  }

  // A first build with placeholder answers gives the points and the reference of every part.
  const placeholder = question.parts.map((p, i) => drafted(p, derivatives[i]?.wrt ?? '', 'strict', []));
  const probe = buildNumericCard(card, blockOf(scope, placeholder), 'drafted');
  if (!probe.ok) return failed(`the drafted block does not read: ${probe.problems[0]?.message ?? ''}`);
  const prepared: PreparedPart[] = [];
  for (const part of probe.card.parts) {
    const preparation = preparePart(probe.card, part, rng);
    if (!preparation.ok) return failed(`part ${part.label}: ${preparation.reason}`);
    prepared.push(preparation.prepared);
  }

  const everyStatement = [...questionStatements, ...solutionStatements];
  const cardText = wordsOf(`${card.question}\n${solution}`);
  const parts: DraftedPart[] = [];
  for (const [i, part] of question.parts.entries()) {
    const claim = claims[i] as Formula;
    const points = prepared[i] as PreparedPart;
    const wrt = derivatives[i]?.wrt ?? '';
    const target = `∂${symbol(lossName)}/∂${wrt}`;
    const shown = printExpr(claim.expr);
    const verdict = compare(points, valuesAt(points, claim.expr, claim.free));
    if (verdict.kind === 'differs')
      return failed(
        `part ${part.label}: the solution's formula ${shown} is not ${target}: at ${showPoint(points, verdict.at)} ` +
          `it gives ${showValue(verdict.value)} but the gradient is ${showValue(points.points[verdict.at]?.reference)}`,
      );
    const sign = signRule(cardText, signsGiven(everyStatement, reader(wrt), points));
    if (verdict.kind === 'negated' && sign === 'strict')
      return failed(
        `part ${part.label}: the solution's formula ${shown} is minus ${target} (the loss as written has the other sign), ` +
          'and the card does not say both sign conventions are in use',
      );
    const whole = verdict.kind === 'negated' ? { kind: 'neg' as const, arg: claim.whole } : claim.whole;
    const require = REUSE.test(part.prompt) ? requiredNames(part.prompt, claim, scope) : [];
    parts.push(drafted(part, wrt, sign, require, printExpr(whole)));
  }

  const block = blockOf(scope, parts, trivialGiven(scope, prepared));
  const built = buildNumericCard(card, block, 'drafted');
  if (!built.ok) return failed(`the drafted block does not read: ${built.problems[0]?.message ?? ''}`);
  const errors = checkCard(built.card, rng);
  if (errors[0] !== undefined) return failed(`the drafted block does not check: ${errors[0].message}`);
  return {
    ok: true,
    block,
    provenAgainst: question.parts.map((p, i) => ({ label: p.label, formula: claims[i]?.tex ?? '' })),
  };
}

/** Each part asks what its own words ask, or else what the part before it, the preamble or the question asks. */
function askedOfParts(
  parts: readonly PartText[],
  preamble: string,
  question: string,
): (Derivative | undefined)[] {
  const shared = askedIn(preamble) ?? askedIn(question);
  let previous: Derivative | undefined;
  return parts.map((part) => {
    const own = askedIn(part.prompt);
    const asked = own?.wrt !== undefined ? own : (previous ?? shared);
    previous = asked;
    return asked;
  });
}

function drafted(
  part: PartText,
  wrt: string,
  sign: SignRule,
  require: readonly string[],
  answer = wrt,
): DraftedPart {
  // A part's prompt is its first line; a card of one part shows its question whole, and needs none.
  const prompt = part.whole ? '' : (part.prompt.split('\n')[0] ?? '').trim();
  return { label: part.label, prompt, wrt, answer, sign, require };
}

/** Whether the card writes this part's gradient with each sign somewhere, in any formula. */
function signsGiven(
  statements: readonly Statement[],
  read: (tex: string) => Formula | undefined,
  points: PreparedPart,
) {
  const verdicts = allFormulas(statements, read).map(
    (f) => compare(points, valuesAt(points, f.expr, f.free)).kind,
  );
  return { plus: verdicts.includes('equal'), minus: verdicts.includes('negated') };
}

/**
 * The names a "reuse ŷ" part must be answered with: those its words name and its formula uses,
 * or, when its words name none (`the neuron activity`), the given names its formula uses.
 */
function requiredNames(prompt: string, claim: Formula, scope: Scope): string[] {
  const used = scope.given.map((g) => g.name).filter((n) => claim.names.has(n));
  const named = nameUse(
    mathSegments(prompt).map((s) => s.tex),
    new Set(scope.shapes.keys()),
  ).names;
  const asked = used.filter((n) => named.includes(n));
  return asked.length > 0 ? asked : used;
}

/**
 * A name the solution defines that equals the gradient itself (`g = (ŷ - y)x`) would let a student
 * answer with its name: it is left out of `given`.
 */
function trivialGiven(scope: Scope, prepared: readonly PreparedPart[]): Set<string> {
  const dropped = new Set<string>();
  for (const g of scope.given) {
    if (g.from !== 'solution') continue;
    for (const points of prepared) {
      const slot = points.layout.slots.get(g.name) as number;
      const equals = (sign: 1 | -1) =>
        points.points.every((p) => {
          const v = p.values[slot];
          return v !== undefined && isClose(v, p.reference, sign);
        });
      if (equals(1) || equals(-1)) dropped.add(g.name);
    }
  }
  return dropped;
}
