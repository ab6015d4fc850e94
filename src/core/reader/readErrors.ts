import type { Vocabulary } from '../expr/ast.ts';
import type { IndexProblem, ReadError, Refusal, SyntaxProblem, Unbalanced } from './types.ts';

/** The reader's failures as data; the words are each adapter's (`src/adapters/text/readErrorWords.ts`). */

/** An expected failure deep inside a step, carried to the step's boundary and returned there. */
export class ReadFailure {
  constructor(readonly error: ReadError) {}
}

const near = (at: string | undefined) => (at === undefined ? {} : { near: at });

export const empty = (afterEquals = false): ReadError => ({ code: 'empty', afterEquals });

export const tooLong = (length: number, limit: number): ReadError => ({ code: 'too_long', length, limit });

export const tooDeep = (levels: number, of: 'operations' | 'brackets', limit: number): ReadError => ({
  code: 'too_deep',
  levels,
  of,
  limit,
});

export const tooManyNodes = (limit: number): ReadError => ({ code: 'too_many_nodes', limit });

export const unbalanced = (source: string, problem: Unbalanced): ReadError => ({
  code: 'unbalanced',
  source,
  problem,
});

export const syntax = (source: string, problem: SyntaxProblem, at?: string): ReadError => ({
  code: 'syntax',
  source,
  problem,
  ...near(at),
});

export const badIndex = (problem: IndexProblem, at: string): ReadError => ({
  code: 'bad_index',
  problem,
  near: at,
});

export const notAllowed = (problem: Refusal, at: string): ReadError => ({
  code: 'not_allowed',
  problem,
  near: at,
});

export const unknownName = (name: string, vocab: Vocabulary, within?: string): ReadError => ({
  code: 'unknown_name',
  name,
  names: [...vocab.names.keys()],
  ...(within === undefined ? {} : { within }),
  near: name,
});

export const unknownFunction = (name: string): ReadError => ({ code: 'unknown_function', name, near: name });

export const unknownCommand = (name: string): ReadError => ({
  code: 'unknown_command',
  name,
  near: `\\${name}`,
});
