import type { NameKind, Vocabulary } from '../../../src/core/expr/ast.ts';

/** The first card's names: `n` an integer, `w` and `x` vectors, `y`, `s`, `yhat` scalars. */
export const seedVocab: Vocabulary = {
  names: new Map<string, NameKind>([
    ['n', 'scalar'],
    ['w', 'vector'],
    ['x', 'vector'],
    ['y', 'scalar'],
    ['s', 'scalar'],
    ['yhat', 'scalar'],
  ]),
  aliases: new Map(),
};
