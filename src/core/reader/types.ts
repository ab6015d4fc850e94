import type { Expr } from '../expr/ast.ts';

/**
 * Why an input could not be read, as data: a code and what the words need (what the student typed,
 * the offending piece, the limit). Each adapter turns it into its own words.
 */
export type ReadError = ReadProblem & {
  /** The offending piece of the input, when there is one. */
  readonly near?: string;
};

export type ReadErrorCode = ReadProblem['code'];

export type ReadProblem =
  | { readonly code: 'empty'; readonly afterEquals: boolean }
  | { readonly code: 'too_long'; readonly length: number; readonly limit: number }
  | {
      readonly code: 'too_deep';
      readonly levels: number;
      readonly of: 'operations' | 'brackets';
      readonly limit: number;
    }
  | { readonly code: 'too_many_nodes'; readonly limit: number }
  | { readonly code: 'unbalanced'; readonly source: string; readonly problem: Unbalanced }
  | { readonly code: 'syntax'; readonly source: string; readonly problem: SyntaxProblem }
  | { readonly code: 'bad_index'; readonly problem: IndexProblem }
  | { readonly code: 'not_allowed'; readonly problem: Refusal }
  | {
      readonly code: 'unknown_name';
      readonly name: string;
      /** The card's names, for the list of what may be used. */
      readonly names: readonly string[];
      /** The indexed name it stands in (`z` in `z_j`). */
      readonly within?: string;
    }
  | { readonly code: 'unknown_function'; readonly name: string }
  | { readonly code: 'unknown_command'; readonly name: string };

/** A bracket that does not pair up. */
export type Unbalanced =
  | { readonly kind: 'missing'; readonly bracket: string }
  | { readonly kind: 'missing_closing'; readonly bracket: string }
  | { readonly kind: 'no_opening'; readonly bracket: string }
  | { readonly kind: 'mismatched'; readonly expected: string; readonly found: string };

/** What the parser could not make sense of; `near` (on the error) says where, when known. */
export type SyntaxProblem =
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'ends_early' }
  | { readonly kind: 'value_missing' }
  | { readonly kind: 'comma' }
  | { readonly kind: 'operator_out_of_place'; readonly operator: string }
  | { readonly kind: 'unknown_part'; readonly part: string }
  | { readonly kind: 'bad_number' }
  | { readonly kind: 'conditional' }
  | { readonly kind: 'assignment' }
  | { readonly kind: 'dot_out_of_place' }
  | { readonly kind: 'equation' }
  | { readonly kind: 'operand_missing'; readonly operator: string }
  | {
      readonly kind: 'arity';
      readonly fn: string;
      readonly fewest: number;
      readonly most: number;
      readonly given: number;
    }
  | { readonly kind: 'not_a_function'; readonly name: string }
  | { readonly kind: 'sum_of_several' }
  | { readonly kind: 'sum_of_nothing' }
  | { readonly kind: 'sum_index_unclear' }
  | { readonly kind: 'sum_index_letter' }
  | { readonly kind: 'stray_closing_brace' }
  | { readonly kind: 'missing_latex_close'; readonly bracket: string }
  | { readonly kind: 'missing_argument'; readonly command: string }
  | { readonly kind: 'accent_over_expression'; readonly command: string }
  | { readonly kind: 'dots'; readonly command: string };

/** An index that cannot be read or cannot exist. */
export type IndexProblem =
  | {
      readonly kind: 'not_a_vector';
      readonly name: string;
      readonly written: string;
      readonly vectors: readonly string[];
    }
  | { readonly kind: 'matrix_entry'; readonly name: string }
  | { readonly kind: 'from_one'; readonly written: string }
  | { readonly kind: 'too_far'; readonly written: string }
  | { readonly kind: 'unreadable'; readonly written: string; readonly base: string }
  | { readonly kind: 'unreadable_letter'; readonly written: string }
  | { readonly kind: 'bracket_component'; readonly written: string }
  | { readonly kind: 'sum_letter_taken'; readonly letter: string }
  | { readonly kind: 'latex_subscript'; readonly written: string };

/** Something an answer may not contain. */
export type Refusal =
  | { readonly kind: 'text' }
  | { readonly kind: 'list' }
  | { readonly kind: 'node'; readonly node: RefusedNode }
  | { readonly kind: 'other'; readonly text: string }
  | { readonly kind: 'part'; readonly text: string }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'function_as_value'; readonly name: string; readonly fn: string }
  | { readonly kind: 'derivative'; readonly name: string }
  | { readonly kind: 'operator'; readonly operator: string }
  | { readonly kind: 'call_of'; readonly text: string };

/** mathjs's statements that are never part of an answer. */
export type RefusedNode =
  'assignment' | 'function_assignment' | 'block' | 'conditional' | 'range' | 'object' | 'relational';

export type ReadResult =
  | {
      readonly ok: true;
      readonly expr: Expr;
      readonly normalized: string;
      readonly names: ReadonlySet<string>;
    }
  | { readonly ok: false; readonly error: ReadError };
