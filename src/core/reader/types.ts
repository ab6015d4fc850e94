import type { Expr } from '../expr/ast.ts';

/** Why an input could not be read. Each code has one message table per adapter. */
export type ReadErrorCode =
  | 'empty'
  | 'too_long'
  | 'too_deep'
  | 'too_many_nodes'
  | 'syntax'
  | 'unbalanced'
  | 'unknown_name'
  | 'unknown_function'
  | 'not_allowed'
  | 'bad_index';

export interface ReadError {
  readonly code: ReadErrorCode;
  /** One or two sentences in the student's language, quoting what they typed. */
  readonly message: string;
  /** The offending piece of the input, when there is one. */
  readonly near?: string;
}

export type ReadResult =
  | {
      readonly ok: true;
      readonly expr: Expr;
      readonly normalized: string;
      readonly names: ReadonlySet<string>;
    }
  | { readonly ok: false; readonly error: ReadError };
