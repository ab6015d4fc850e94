import type { Reason } from '../grading/verdict.ts';

/** Something wrong with a card, located by a dotted field path (`check.mistakes[0].answer`). */
export interface CardProblem {
  readonly file: string;
  readonly field: string;
  /** For the author, briefly; `cause` holds the data when an expression did not read or check. */
  readonly message: string;
  /** Why a field's expression did not read or its shapes did not agree, for an adapter's full words. */
  readonly cause?: Extract<Reason, { code: 'unreadable' | 'shape_error' }>;
  /** A warning does not stop the card from being used (e.g. a missing `# Solution`). */
  readonly warning?: boolean;
}

/** Renders a zod issue path as SPEC section 5 writes fields: dots, and 0-based indexes in brackets. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
