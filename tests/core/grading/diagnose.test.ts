import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NumericCard as Card, Part } from '../../../src/core/cards/card.ts';
import type { Expr } from '../../../src/core/expr/ast.ts';
import { mapChildren } from '../../../src/core/expr/mapChildren.ts';
import { additiveTerms } from '../../../src/core/expr/names.ts';
import { printExpr } from '../../../src/core/expr/print.ts';
import { differentiate } from '../../../src/core/steps/differentiate.ts';
import { stepsOf } from '../../../src/core/steps/steps.ts';
import { grade, SEEDS_DIR, shippedCard } from '../../helpers/cards.ts';
import { feedbackOf } from '../../support/words.ts';

const cards = readdirSync(SEEDS_DIR)
  .filter((f) => /\.(md|txt)$/.test(f))
  .map(shippedCard);

/** The answer with every given name replaced by its definition, so that a var can be frozen in it. */
function inline(expr: Expr, card: Card): Expr {
  const given = expr.kind === 'sym' ? card.given.find((g) => g.name === expr.name) : undefined;
  if (given !== undefined) return inline(given.expr, card);
  return mapChildren(expr, (child) => inline(child, card));
}

function freeze(expr: Expr, name: string): Expr {
  if (expr.kind === 'sym' && expr.name === name) return { kind: 'num', value: 0.37 };
  return mapChildren(expr, (child) => freeze(child, name));
}

/** Wrong answers built from the card's own chain, each with the diagnosis it must get. */
function builtWrongAnswers(card: Card, part: Part): [string, string][] {
  const r = `(${part.answerSource})`;
  const either = part.sign === 'either';
  const out: [string, string][] = [
    [`2 * ${r}`, 'constant_factor:2'],
    [`${r} / 2`, 'constant_factor:1/2'],
    [`-3 * ${r}`, either ? 'constant_factor:3' : 'constant_factor:-3'],
  ];
  if (!either) out.push([`-${r}`, 'sign']);
  const wrtShape = card.shapes.get(part.wrt);
  if (card.vars.has('n') && wrtShape?.kind === 'vector' && wrtShape.length === 'n')
    out.push([`n * ${r}`, 'constant_factor:n']);
  for (const step of stepsOf(card, part)) {
    if (step.form === undefined || step.form.kind === 'num' || card.shapes.get(step.by)?.kind !== 'scalar')
      continue;
    const f = printExpr(step.form);
    out.push([`${r} * (${f})`, `extra_factor:${step.key}`], [`${r} / (${f})`, `missing_factor:${step.key}`]);
  }
  const vector = card.shapes.get(part.wrt)?.kind === 'vector';
  // A missing term is only a recognisable slip when another term also depends on wrt.
  const terms = additiveTerms(part.loss)
    .map((term) => ({ ...term, g: differentiate(term.expr, part.wrt, vector) }))
    .filter((term) => term.g !== undefined && term.g.kind !== 'num');
  if (terms.length > 1) {
    for (const term of terms) {
      const g = term.g as Expr;
      const signed = term.sign === 1 ? `(${printExpr(g)})` : `(-(${printExpr(g)}))`;
      out.push([`${r} - ${signed}`, `missing_term:${printExpr(term.expr)}`]);
      out.push([`${r} - 2 * ${signed}`, `missing_term:${printExpr(term.expr)}`]);
    }
  }
  const inlined = inline(part.answer, card);
  for (const [name, spec] of card.vars) {
    // A frozen vector or matrix would change the answer's shape, not what it depends on.
    if (spec.kind === 'vector' || spec.kind === 'matrix' || spec.kind === 'integer') continue;
    const frozen = freeze(inlined, name);
    if (printExpr(frozen) !== printExpr(inlined)) out.push([printExpr(frozen), `ignores:${name}`]);
  }
  return out;
}

/** Wrong answers with no recognisable cause: they depend on what the reference depends on, and match no pattern. */
function unrelatedWrongAnswers(part: Part, card: Card): string[] {
  const r = `(${part.answerSource})`;
  const scalars = [...card.vars].filter(([, s]) => s.kind === 'real' || s.kind === 'choice').map(([n]) => n);
  const vector = card.shapes.get(part.wrt)?.kind !== 'scalar';
  const answers = [
    vector ? `${r} .^ 3` : `${r} ^ 3`,
    `tanh(${r})`,
    `${r} .* exp(${r})`,
    vector ? `${r} + 0.05 * ${r} .^ 2` : `${r} + 0.05 * ${r} ^ 2`,
    `${r} + 0.1 * ${part.wrt}`,
    `${r} * 1.37 + 0.01 * ${part.wrt}`,
  ];
  for (const s of scalars) answers.push(`${r} * (1.5 + sigma(${s}))`);
  return answers;
}

describe.each(cards.flatMap((card) => card.parts.map((part) => [card.id, part.label, card, part] as const)))(
  'GIVEN card %s part %s',
  (_id, label, card, part) => {
    it.each(builtWrongAnswers(card, part))('THEN %s is diagnosed as %s', (answer, expected) => {
      const v = grade(card, label, answer);
      expect(v.verdict, feedbackOf(v)).toBe('incorrect');
      // The card's own mistake wins when the author listed this very slip (SPEC order).
      if (v.mistake?.startsWith('card:') !== true) expect(v.mistake, feedbackOf(v)).toBe(expected);
    });

    it('THEN wrong answers with no recognisable cause get no diagnosis (false-diagnosis rate 0)', () => {
      const invented = unrelatedWrongAnswers(part, card)
        .map((answer) => ({ answer, v: grade(card, label, answer) }))
        .filter(({ v }) => v.verdict !== 'incorrect' || v.mistake !== undefined);
      expect(invented).toEqual([]);
    });
  },
);
