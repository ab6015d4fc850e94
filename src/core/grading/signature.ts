import type { NumericCard as Card, Part } from '../cards/card.ts';
import { cardVocabulary } from '../cards/vocabulary.ts';
import { numberAlgebra } from '../expr/algebra.ts';
import { compile, componentwise, IndexOutOfRange, type Val } from '../expr/compile.ts';
import { inferShape } from '../expr/shape.ts';
import { seededRng } from '../random/rng.ts';
import { readExpression } from '../reader/index.ts';
import { answerCost, WORK_BUDGET } from './cost.ts';
import { digest, seedOf } from './digest.ts';
import { chainOf, evaluateGiven, layoutOf } from './prepare.ts';
import { PointSampler } from './samplePoints.ts';
import { isDefined, magnitude } from './tolerance.ts';

/**
 * Points an answer's signature evaluates it at. Two different expressions agreeing at 6 random real
 * points is a coincidence of measure zero; the discrete vars (`y`, `n`) are cycled, so 6 points
 * meet every combination of a card with up to 6.
 */
const SIGNATURE_POINTS = 6;
/** Significant digits kept at each point, relative to the largest component there. */
const SIGNATURE_DIGITS = 6;
/** Draws allowed per point before a point where the card's given names are undefined is given up. */
const DRAWS_PER_POINT = 25;

const pointsOfPart = new WeakMap<Part, readonly Val<number>[][] | null>();

/**
 * The fixed points of a part: drawn from a generator seeded with the card's id and the part's label, so
 * they are the same for every student, every process and every day (until the card's vars change).
 */
function signaturePoints(card: Card, part: Part): readonly Val<number>[][] | null {
  const known = pointsOfPart.get(part);
  if (known !== undefined) return known;
  const given = chainOf(card, part).givenNumber;
  const sampler = new PointSampler(card.vars, seededRng(seedOf(`${card.id}\u0000${part.label}`)));
  const points: Val<number>[][] = [];
  for (let k = 0; k < SIGNATURE_POINTS; k++) {
    for (let draw = 0; draw < DRAWS_PER_POINT && points.length === k; draw++) {
      const values: Val<number>[] = [...sampler.draw(k + draw).values()];
      evaluateGiven({ values, letters: {} }, given, card.vars.size);
      if (values.every(isDefined)) points.push(values);
    }
  }
  const found = points.length === SIGNATURE_POINTS ? points : null;
  pointsOfPart.set(part, found);
  return found;
}

/**
 * One value as text, rounded to {@link SIGNATURE_DIGITS} significant digits of its largest component:
 * equivalent forms differ by rounding errors of ~10⁻¹⁵, far below the last digit kept.
 */
function rounded(value: Val<number>): string {
  const components = Array.isArray(value) ? value : [value as number];
  if (!isDefined(value)) return components.map((x) => String(x)).join(',');
  const scale = magnitude(value);
  if (scale === 0) return components.map(() => '0').join(',');
  const exponent = Math.floor(Math.log10(scale)) - (SIGNATURE_DIGITS - 1);
  const unit = 10 ** exponent;
  return `${exponent}:${components.map((x) => String(Math.round(x / unit) + 0)).join(',')}`;
}

/** An answer as analytics keeps it: its signature, and how the reader wrote it back. */
export interface SignedAnswer {
  /** 16 hex digits. */
  readonly signature: string;
  /** The answer as the reader understood it (`(y - yhat) * x`): the same for most ways of typing it. */
  readonly normalized: string;
}

/**
 * An answer's signature: its values at the part's fixed points, rounded and hashed (16 hex digits).
 * Answers equal at those points — `(y-ŷ)ŷ(1-ŷ)x` and `(y - yhat) * yhat * (1 - yhat) * x` — share
 * it however they are written. An answer that cannot be read, has no shape, would cost more than
 * grading allows or cannot be evaluated has none (null). Bounded like grading: the cost guard runs
 * before anything is evaluated.
 */
export function signAnswer(card: Card, part: Part, input: string): SignedAnswer | null {
  const read = readExpression(input, cardVocabulary(card));
  if (!read.ok) return null;
  const shape = inferShape(read.expr, card.shapes);
  if (!shape.ok) return null;
  const { free } = shape.info;
  if (!(answerCost(read.expr, card, free).work <= WORK_BUDGET)) return null;
  const points = signaturePoints(card, part);
  if (points === null) return null;

  const layout = layoutOf(card);
  const body = compile(read.expr, numberAlgebra, layout);
  const evaluate =
    free === undefined
      ? body
      : componentwise(
          body,
          free.map((f) => f.letter),
          read.expr,
          layout,
          numberAlgebra,
        );
  try {
    const values = points.map((at) => rounded(evaluate({ values: at, letters: {} })));
    return { signature: digest(values.join(';')), normalized: read.normalized };
  } catch (error) {
    if (error instanceof IndexOutOfRange) return null;
    throw error;
  }
}
