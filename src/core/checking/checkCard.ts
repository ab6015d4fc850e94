import type { NumericCard as Card, Part } from '../cards/card.ts';
import type { CardProblem } from '../cards/problem.ts';
import { numberAlgebra } from '../expr/algebra.ts';
import { compile, type Val } from '../expr/compile.ts';
import { preparePart, type PreparedPart } from '../grading/prepare.ts';
import { isClose, isDefined } from '../grading/tolerance.ts';
import type { Rng } from '../random/rng.ts';
import { printExpr } from '../expr/print.ts';
import { gradeAgainst } from '../grading/grade.ts';
import { reasonCode } from '../grading/verdict.ts';
import { prepareStep, stepsOf } from '../steps/steps.ts';

/** Every value equals `sign ×` the reference at every point. */
function matchesEverywhere(
  values: readonly (Val<number> | undefined)[],
  prepared: PreparedPart,
  sign: 1 | -1,
) {
  return prepared.points.every((p, i) => {
    const v = values[i];
    return v !== undefined && isClose(v, p.reference, sign);
  });
}

/**
 * Proves what a card claims (SPEC section 5, `cards check`): each part's `answer` is exactly the
 * gradient of its loss (not its negation, whatever `sign` says), and no known mistake is in fact
 * correct. Never trusts the author: the reference is the program's own derivative.
 */
export function checkCard(card: Card, rng: Rng): CardProblem[] {
  const problems: CardProblem[] = [];
  const report = (field: string, message: string) => problems.push({ file: card.file, field, message });
  for (const part of card.parts) {
    checkPart(card, part, rng, report);
    checkSteps(card, part, rng, report);
  }
  return problems;
}

/** Every derived step must be gradable, and its symbolic form must equal its numeric reference. */
function checkSteps(
  card: Card,
  part: Part,
  rng: Rng,
  report: (field: string, message: string) => void,
): void {
  for (const step of stepsOf(card, part)) {
    const preparation = prepareStep(card, part, step, rng);
    if (!preparation.ok) {
      report(
        part.fields.answer,
        `part ${part.label}: step ${step.title} cannot be evaluated: ${preparation.reason}`,
      );
      continue;
    }
    if (step.form === undefined) continue;
    const verdict = gradeAgainst(preparation.prepared, printExpr(step.form));
    if (verdict.verdict !== 'correct')
      report(
        part.fields.answer,
        `part ${part.label}: step ${step.title}: its derived form does not check (${verdict.verdict}: ${reasonCode(verdict.reason)})`,
      );
  }
}

function checkPart(card: Card, part: Part, rng: Rng, report: (field: string, message: string) => void): void {
  const preparation = preparePart(card, part, rng);
  if (!preparation.ok) {
    report(part.fields.answer, `part ${part.label}: ${preparation.reason}`);
    return;
  }
  const prepared = preparation.prepared;
  const evaluate = (expr: Part['answer']) => {
    const f = compile(expr, numberAlgebra, prepared.layout);
    return prepared.points.map((p) => {
      try {
        return f({ values: p.values, letters: {} });
      } catch {
        return undefined;
      }
    });
  };
  const d = `∂(${part.lossSource})/∂${part.wrt}`;
  const answer = evaluate(part.answer);
  if (answer.some((v) => v === undefined || !isDefined(v)))
    report(
      part.fields.answer,
      `part ${part.label}: the answer is undefined at some points where ${d} is defined`,
    );
  else if (matchesEverywhere(answer, prepared, -1) && !matchesEverywhere(answer, prepared, 1))
    report(
      part.fields.answer,
      `part ${part.label}: the answer is the negation of ${d}; it must be the gradient itself`,
    );
  else if (!matchesEverywhere(answer, prepared, 1)) {
    const wrong = prepared.points.filter((p, i) => !isClose(answer[i] as Val<number>, p.reference)).length;
    report(
      part.fields.answer,
      `part ${part.label}: the answer is not ${d} (it differs at ${wrong} of ${prepared.points.length} points)`,
    );
  }

  part.mistakes.forEach((mistake, i) => {
    const field = `${part.fields.mistakes}[${i}].answer`;
    const values = prepared.points.map((p) => p.mistakes[i]);
    if (values.some((v) => v === undefined || !isDefined(v)))
      report(field, `part ${part.label}: mistake "${mistake.id}" cannot be evaluated at every point`);
    else if (matchesEverywhere(values, prepared, 1))
      report(field, `part ${part.label}: mistake "${mistake.id}" is in fact correct: it equals ${d}`);
    else if (part.sign === 'either' && matchesEverywhere(values, prepared, -1))
      report(
        field,
        `part ${part.label}: mistake "${mistake.id}" equals the negated gradient, which sign: either accepts as correct`,
      );
  });
}
