/** The answer reader: a student's text (or a card's expression field) → an `Expr`, or a reason it cannot be read. */
export { readExpression } from './readExpression.ts';
export { LIMITS } from './limits.ts';
export type { ReadErrorCode } from './types.ts';
