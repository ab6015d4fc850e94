import { CONSTANT_NAMES, FUNCTION_NAMES } from '../../core/expr/ast.ts';
import { GREEK_SYMBOLS } from '../../core/reader/greek.ts';
import type {
  IndexProblem,
  ReadError,
  Refusal,
  RefusedNode,
  SyntaxProblem,
  Unbalanced,
} from '../../core/reader/types.ts';
import { quote, type Words } from './words.ts';

/** Why an answer could not be read, in words that quote what the student typed and never mathjs's. */
export function readErrorWords(error: ReadError): Words {
  const couldNotRead = (detail: string): Words => ({
    lead: `I could not read ${quote(error.code === 'syntax' || error.code === 'unbalanced' ? error.source : '')}`,
    text: `${detail}.`,
  });
  switch (error.code) {
    case 'empty':
      return {
        text: error.afterEquals
          ? 'There is nothing after the `=`: write your expression after it.'
          : 'There is no expression to read: type your answer.',
      };
    case 'too_long':
      return { text: `This answer is too long (${error.length} characters; the limit is ${error.limit}).` };
    case 'too_deep': {
      const what =
        error.of === 'brackets'
          ? `brackets nested ${error.levels} levels deep`
          : `${error.levels} levels of operations`;
      return { text: `This answer is nested too deeply (${what}; the limit is ${error.limit}).` };
    }
    case 'too_many_nodes':
      return {
        text: `This answer has too many parts (more than ${error.limit} numbers, names and operations).`,
      };
    case 'unbalanced':
      return couldNotRead(unbalanced(error.problem));
    case 'syntax':
      if (error.problem.kind === 'equation')
        return {
          lead: `I could not read ${quote(error.source)} as an answer`,
          text: 'it is an equation. Type only the gradient, like `(y - yhat) * x` (a left-hand side such as `dl/dw =` is fine).',
        };
      return couldNotRead(syntax(error.problem, error.near));
    case 'bad_index':
      return { text: `${badIndex(error.problem)}.` };
    case 'not_allowed':
      return { text: `${refusal(error.problem)}.` };
    case 'unknown_name': {
      const lead =
        error.within === undefined
          ? `I don't know the name ${quote(error.name)}`
          : `I don't know the name \`${error.name}\` in \`${error.within}\``;
      const names = error.names.map(displayName).join(', ');
      return {
        text: `${lead}. You can use: ${names}; the functions ${FUNCTION_NAMES.join(', ')}; the constants ${CONSTANT_NAMES.join(', ')}.`,
      };
    }
    case 'unknown_function':
      return {
        text: `${quote(error.name)} is not a function you can use here. The functions are: ${FUNCTION_NAMES.join(', ')}.`,
      };
    case 'unknown_command':
      return { text: `I don't know the LaTeX command \`\\${error.name}\`${commandHint(error.name)}.` };
  }
}

function unbalanced(problem: Unbalanced): string {
  switch (problem.kind) {
    case 'missing':
      return `a \`${problem.bracket}\` is missing`;
    case 'missing_closing':
      return `a closing \`${problem.bracket}\` is missing`;
    case 'no_opening':
      return `there is a \`${problem.bracket}\` without a matching opening bracket`;
    case 'mismatched':
      return `a \`${problem.expected}\` is expected where \`${problem.found}\` stands`;
  }
}

function syntax(problem: Exclude<SyntaxProblem, { kind: 'equation' }>, near: string | undefined): string {
  const where = near === undefined || near === '' ? '' : ` near ${quote(near)}`;
  switch (problem.kind) {
    case 'unreadable':
      return `I could not make sense of it${where}`;
    case 'ends_early':
      return 'it ends too early: something is missing at the end';
    case 'value_missing':
      return `a value is missing${where}`;
    case 'comma':
      return 'a `,` can only separate the arguments of a function, like `max(0, s)`';
    case 'operator_out_of_place':
      return `\`${problem.operator}\` is out of place${where}`;
    case 'unknown_part':
      return `I don't know how to read ${quote(problem.part)} there (is an operator missing?)`;
    case 'bad_number':
      return `a number is written wrongly${where}`;
    case 'conditional':
      return '`?` and `:` cannot be part of an answer';
    case 'assignment':
      return 'an `=` stands where I cannot read it: write only the expression (after one `=`)';
    case 'dot_out_of_place':
      return `a \`.\` is out of place${where}`;
    case 'operand_missing':
      return `\`${problem.operator}\` is missing a value`;
    case 'arity': {
      const [fewest, most] = problem.takes;
      const expected = fewest === most ? String(fewest) : `${fewest} or ${most}`;
      const noun = most === 1 ? 'argument' : 'arguments';
      return `\`${problem.fn}\` takes ${expected} ${noun}, here it has ${problem.given}`;
    }
    case 'not_a_function':
      return `\`${problem.name}\` is not a function, so \`${problem.name}(…)\` cannot be read`;
    case 'sum_of_several':
      return 'a Σ adds up one expression, like `\\sum_i w_i x_i`';
    case 'sum_of_nothing':
      return 'a Σ needs something to add up after it, like `\\sum_i w_i x_i`';
    case 'sum_index_unclear':
      return 'say which index the Σ runs over, like `\\sum_i` or `Σ_i`';
    case 'sum_index_letter':
      return 'a Σ must run over one index letter, like `\\sum_i` or `\\sum_{i=1}^n`';
    case 'stray_closing_brace':
      return 'there is a `}` without a matching `{`';
    case 'missing_latex_close':
      return `a \`${problem.bracket}\` is missing`;
    case 'missing_argument':
      return `\`\\${problem.command}\` is missing its argument`;
    case 'accent_over_expression':
      return `I can only read \`\\${problem.command}\` over a single name, like \`\\${problem.command}{y}\``;
    case 'dots':
      return `write the whole expression out, without \`\\${problem.command}\``;
  }
}

function badIndex(problem: IndexProblem): string {
  switch (problem.kind) {
    case 'not_a_vector': {
      const which = problem.vectors.length > 0 ? ` (here: ${problem.vectors.join(', ')})` : '';
      return `\`${problem.name}\` is not a vector, so \`${problem.written}\` has no meaning: only vectors${which} take an index`;
    }
    case 'matrix_entry':
      return `\`${problem.name}\` is a matrix: an entry takes two index letters, row then column, like \`${problem.name}_ij\``;
    case 'from_one':
      return `Components are numbered from 1, so \`${problem.written}\` does not exist`;
    case 'too_far':
      return `\`${problem.written}\` is far beyond any vector here`;
    case 'unreadable':
      return `I cannot read the index in \`${problem.written}\`: use i, j or k for every component, or a number like \`${problem.base}_1\``;
    case 'unreadable_letter':
      return `I cannot read the index in \`${problem.written}\`: use i, j or k`;
    case 'bracket_component':
      return `I can only take a component of brackets whose vectors combine entry by entry (like \`(yhat - y)_i\`): write \`${problem.written}\` out with indices`;
    case 'sum_letter_taken':
      return `\`${problem.letter}\` is a name of this card: let the Σ run over i, j or k`;
    case 'latex_subscript':
      return `I can only read an index that is a letter or a number, like \`x_j\` or \`x_1\`, not \`_{${problem.written}}\``;
  }
}

const REFUSED: Readonly<Record<RefusedNode, string>> = {
  assignment: 'An assignment (`a = …`) cannot be part of an answer: write only the expression',
  function_assignment: 'Defining a function (`f(x) = …`) is not allowed: write only the expression',
  block: 'Write a single expression: `;` and several statements are not allowed',
  conditional: 'A condition (`a ? b : c`) cannot be part of an answer',
  range: 'A range (`1:3`) cannot be part of an answer',
  object: 'An object (`{a: 1}`) cannot be part of an answer',
  relational: 'A comparison (`a < b`) cannot be part of an answer',
};

function refusal(problem: Refusal): string {
  switch (problem.kind) {
    case 'text':
      return 'Text in quotes cannot be part of an answer';
    case 'list':
      return 'A list or matrix (`[1, 2]`) cannot be part of an answer';
    case 'node':
      return REFUSED[problem.node];
    case 'other':
      return `${quote(problem.text)} is not something an answer can contain`;
    case 'part':
      return `${quote(problem.text)} cannot be part of an answer`;
    case 'number':
      return `\`${problem.text}\` is not a number you can use`;
    case 'function_as_value':
      return `\`${problem.name}\` is a function: write its argument in brackets, like \`${problem.fn}(s)\``;
    case 'derivative':
      return `\`${problem.name}'\` (a derivative) is not something I can compute: write it out with the card's names`;
    case 'operator':
      return `\`${problem.operator}\` cannot be used in an answer: the operators are + - * / ^, .* ./ .^ (per component) and ' (transpose)`;
    case 'call_of':
      return `${quote(problem.text)} cannot be called like a function`;
  }
}

function commandHint(name: string): string {
  if (name === 'partial' || name === 'nabla')
    return ': write only the gradient itself (a left-hand side such as `\\frac{\\partial \\ell}{\\partial w} =` is fine)';
  if (name.length === 1 && '()[]'.includes(name))
    return ': it marks math in LaTeX, so put the whole answer inside `\\(…\\)`, or use plain brackets';
  return '';
}

/** A name as listed in messages, with the symbol students may type: `yhat (ŷ)`, `lambda (λ)`. */
function displayName(name: string): string {
  const hat = /^([A-Za-z])hat$/.exec(name)?.[1];
  const symbol = hat === undefined ? GREEK_SYMBOLS.get(name) : `${hat}\u0302`.normalize('NFC');
  return symbol === undefined ? name : `${name} (${symbol})`;
}
