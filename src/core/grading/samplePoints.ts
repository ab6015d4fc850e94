import type { VarSpec } from '../cards/card.ts';
import type { Rng } from '../random/rng.ts';

/** The values of a card's vars at one point, in the order the vars are declared. */
export type VarValues = Map<string, number | number[]>;

/** A length at this point: a literal, or the value already drawn for its integer var. */
function dimension(length: string | number, sofar: VarValues): number {
  const value = typeof length === 'number' ? length : sofar.get(length);
  return typeof value === 'number' ? value : 0;
}

/** The vars whose values come from a short list: they are cycled through, not left to chance. */
function discreteValues(spec: VarSpec): readonly number[] | undefined {
  if (spec.kind === 'choice') return spec.values;
  if (spec.kind === 'integer') return Array.from({ length: spec.max - spec.min + 1 }, (_, i) => spec.min + i);
  return undefined;
}

/**
 * Draws points for a card. Discrete vars (`y ∈ {0, 1}`, `n ∈ [2, 6]`) go through every
 * combination in turn from a random start, so that an answer wrong only when y = 1 meets y = 1
 * whatever the seed; continuous vars are uniform in their range.
 */
export class PointSampler {
  private readonly discrete: { name: string; values: readonly number[] }[] = [];
  private readonly combinations: number;
  private readonly offset: number;

  constructor(
    private readonly vars: ReadonlyMap<string, VarSpec>,
    private readonly rng: Rng,
  ) {
    for (const [name, spec] of vars) {
      const values = discreteValues(spec);
      if (values !== undefined) this.discrete.push({ name, values });
    }
    this.combinations = this.discrete.reduce((acc, d) => acc * d.values.length, 1);
    this.offset = Math.floor(rng() * this.combinations);
  }

  /** The `k`-th point: its discrete combination is fixed by `k`, the rest is drawn anew each call. */
  draw(k: number): VarValues {
    let combination = (k + this.offset) % this.combinations;
    const chosen = new Map<string, number>();
    for (const { name, values } of this.discrete) {
      chosen.set(name, values[combination % values.length] as number);
      combination = Math.floor(combination / values.length);
    }
    const out: VarValues = new Map();
    for (const [name, spec] of this.vars) {
      out.set(name, this.value(name, spec, chosen, out));
    }
    return out;
  }

  private value(
    name: string,
    spec: VarSpec,
    chosen: Map<string, number>,
    sofar: VarValues,
  ): number | number[] {
    const uniform = (min: number, max: number) => min + (max - min) * this.rng();
    switch (spec.kind) {
      case 'integer':
      case 'choice':
        return chosen.get(name) as number;
      case 'real':
        return uniform(spec.min, spec.max);
      case 'vector':
        return Array.from({ length: dimension(spec.length, sofar) }, () => uniform(spec.min, spec.max));
      case 'matrix':
        return Array.from({ length: dimension(spec.rows, sofar) * dimension(spec.cols, sofar) }, () =>
          uniform(spec.min, spec.max),
        );
      case 'onehot': {
        const length = dimension(spec.length, sofar);
        const hot = Math.min(length - 1, Math.floor(this.rng() * length));
        return Array.from({ length }, (_, i) => (i === hot ? 1 : 0));
      }
    }
  }
}
