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

type ReadProblem =
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
  | { readonly kind: 'missing' | 'missing_closing' | 'no_opening'; readonly bracket: string }
  | { readonly kind: 'mismatched'; readonly expected: string; readonly found: string };

/** What the parser could not make sense of; `near` (on the error) says where, when known. */
export type SyntaxProblem =
  | {
      readonly kind:
        | 'unreadable'
        | 'ends_early'
        | 'value_missing'
        | 'comma'
        | 'bad_number'
        | 'conditional'
        | 'assignment'
        | 'dot_out_of_place'
        | 'sum_of_several'
        | 'sum_of_nothing'
        | 'sum_index_unclear'
        | 'sum_index_letter'
        | 'stray_closing_brace';
    }
  | { readonly kind: 'operator_out_of_place' | 'operand_missing'; readonly operator: string }
  | { readonly kind: 'unknown_part'; readonly part: string }
  | { readonly kind: 'equation' }
  /** `takes`: the fewest and the most arguments `fn` takes. */
  | {
      readonly kind: 'arity';
      readonly fn: string;
      readonly takes: readonly [number, number];
      readonly given: number;
    }
  | { readonly kind: 'not_a_function'; readonly name: string }
  | { readonly kind: 'missing_latex_close'; readonly bracket: string }
  | { readonly kind: 'missing_argument' | 'accent_over_expression' | 'dots'; readonly command: string };

/** An index that cannot be read or cannot exist. */
export type IndexProblem =
  | {
      readonly kind: 'not_a_vector';
      readonly name: string;
      readonly written: string;
      readonly vectors: readonly string[];
    }
  | { readonly kind: 'matrix_entry'; readonly name: string }
  | {
      readonly kind: 'from_one' | 'too_far' | 'unreadable_letter' | 'bracket_component' | 'latex_subscript';
      readonly written: string;
    }
  | { readonly kind: 'unreadable'; readonly written: string; readonly base: string }
  | { readonly kind: 'sum_letter_taken'; readonly letter: string };

/** Something an answer may not contain. */
export type Refusal =
  | { readonly kind: 'text' | 'list' }
  | { readonly kind: 'node'; readonly node: RefusedNode }
  | { readonly kind: 'other' | 'part' | 'number' | 'call_of'; readonly text: string }
  | { readonly kind: 'function_as_value'; readonly name: string; readonly fn: string }
  | { readonly kind: 'derivative'; readonly name: string }
  | { readonly kind: 'operator'; readonly operator: string };

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
