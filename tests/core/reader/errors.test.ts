import { describe, expect, it } from 'vitest';
import { LIMITS, readExpression, type ReadErrorCode } from '../../../src/core/reader/index.ts';
import { seedVocab } from './vocab.ts';
import { messageOf } from '../../support/words.ts';

/** Reads `text`, expecting a failure; also checks the reader answers well within a second. */
function failure(text: string): { code: ReadErrorCode; message: string; near?: string } {
  const started = performance.now();
  const result = readExpression(text, seedVocab);
  expect(performance.now() - started).toBeLessThan(1000);
  if (result.ok) throw new Error(`${text.slice(0, 60)} was read as ${result.normalized}`);
  return { ...result.error, message: messageOf(result.error) };
}

/** mathjs's own wording, which must never reach a student. */
const MATHJS_WORDING =
  /\(char \d+\)|Unexpected end of expression|Value expected|Parenthesis \) expected|Undefined symbol/;

describe('GIVEN hostile inputs that crash or hang a plain mathjs', () => {
  const cases: [string, string, ReadErrorCode][] = [
    ['zeros', 'zeros(1e5,1e5)', 'unknown_function'],
    ['range', 'range(1,1e9)', 'unknown_function'],
    ['ones', 'ones(10000,10000)', 'unknown_function'],
    ['ones product', 'ones(2000,2000)*ones(2000,2000)', 'unknown_function'],
    ['import', 'import({evaluate: 1}, {override: true})', 'unknown_function'],
    ['evaluate', 'evaluate("1")', 'unknown_function'],
    ['recursive function', 'f(x)=f(x); f(1)', 'not_allowed'],
    ['a function definition after a left-hand side', 'g(x) = f(x)', 'unknown_name'],
    ['createUnit', 'createUnit("foo")', 'unknown_function'],
    ['10,000 nested parentheses', '('.repeat(10_000) + 'x' + ')'.repeat(10_000), 'too_long'],
    ['50,000 characters of 1+1+…', '1+'.repeat(25_000) + '1', 'too_long'],
    ['45 nested parentheses', '('.repeat(45) + 'x' + ')'.repeat(45), 'too_deep'],
    ['45 nested braces', '{'.repeat(45) + 'x' + '}'.repeat(45), 'too_deep'],
    ['250 additions', '1+'.repeat(249) + '1', 'too_many_nodes'],
    ['a tower of 60 powers', 'x^'.repeat(60) + 'x', 'too_deep'],
    ['a string', '"abc"', 'not_allowed'],
    ['a single-quoted string', "y * 'abc'", 'not_allowed'],
    ['a unit', '5 cm', 'unknown_name'],
    ['a unit conversion', '5 cm to inch', 'not_allowed'],
    ['a matrix', '[1,2]', 'not_allowed'],
    ['a nested matrix', '[[1,2],[3,4]]', 'not_allowed'],
    ['a boolean', 'true', 'not_allowed'],
    ['NaN', 'NaN', 'not_allowed'],
    ['an overflowing number', '1e400', 'not_allowed'],
    ['a condition', 'y ? x : w', 'not_allowed'],
    ['a range', '1:3', 'not_allowed'],
    ['a property access', 'x.constructor', 'not_allowed'],
    ['a comparison', 'y < yhat', 'not_allowed'],
    ['a factorial', 'n!', 'not_allowed'],
    ['two statements', 'x; y', 'not_allowed'],
    ['an assignment hidden after a left-hand side', 'a = b = c', 'unknown_name'],
  ];
  it.each(cases)('THEN %s is refused', (_label, text, code) => {
    const error = failure(text);
    expect(error.code).toBe(code);
    expect(error.message).not.toMatch(MATHJS_WORDING);
  });
});

describe('GIVEN answers a student gets wrong', () => {
  it('THEN an empty answer says so', () => {
    for (const text of ['', '   ', '``', '||  ||', '$$', '```\n```'])
      expect(failure(text).code).toBe('empty');
    expect(failure('dl/dw =').message).toMatch(/nothing after the `=`/);
  });

  it('THEN a missing bracket is named, quoting the answer', () => {
    expect(failure('σ(w^T x').message).toBe('I could not read `σ(w^T x`: a `)` is missing.');
    const error = failure('))((');
    expect(error.code).toBe('unbalanced');
    expect(error.message).toContain('`))((`');
    expect(failure('\\frac{1}{2').code).toBe('unbalanced');
    expect(failure('(y - yhat]').code).toBe('unbalanced');
    expect(failure('|s').code).toBe('unbalanced');
  });

  it('THEN an unknown name lists the names the card allows', () => {
    const error = failure('(y - z) x');
    expect(error.code).toBe('unknown_name');
    expect(error.near).toBe('z');
    expect(error.message).toMatch(
      /^I don't know the name `z`\. You can use: n, w, x, y, s, yhat \(ŷ\); the functions sigma/,
    );
    expect(failure('xhat').code).toBe('unknown_name');
    expect(failure('z_j').message).toMatch(/`z` in `z_j`/);
  });

  it('THEN a disallowed function is named', () => {
    const error = failure('sin(s)');
    expect(error.code).toBe('unknown_function');
    expect(error.message).toMatch(/^`sin` is not a function you can use here/);
    expect(failure('\\sin(s)').code).toBe('unknown_function');
  });

  it('THEN a function without its argument, or with the wrong number, is explained', () => {
    expect(failure('sigma').message).toMatch(/`sigma` is a function/);
    expect(failure('sigma + 1').code).toBe('not_allowed');
    expect(failure('dot(w)').message).toMatch(/`dot` takes 2 arguments, here it has 1/);
    expect(failure('max(0, s, y)').message).toMatch(/`max` takes 1 or 2 arguments, here it has 3/);
    expect(failure('exp(s, s)').code).toBe('syntax');
    expect(failure("\\sigma'(s)").message).toMatch(/derivative/);
    expect(failure('x(y, s)').message).toMatch(/`x` is not a function/);
  });

  it('THEN indices must be a letter or a number, on a vector', () => {
    expect(failure('x_0').code).toBe('bad_index');
    expect(failure(`x_${LIMITS.position + 1}`).code).toBe('bad_index');
    expect(failure('y_j').message).toMatch(/`y` is not a vector/);
    expect(failure('\\hat{y}_j').code).toBe('bad_index');
    expect(failure('x_n').code).toBe('bad_index');
    expect(failure('x_{i+1}').code).toBe('bad_index');
    expect(failure('\\sum_n x_n').code).toBe('bad_index');
  });

  it('THEN syntax errors are translated from mathjs', () => {
    for (const text of ['x +', '+', 'x * * y', '1.2.3', 'x,y', '(y - yhat) x = ', '\\frac{1}', 'x^']) {
      const error = failure(text);
      expect(['syntax', 'empty', 'unbalanced']).toContain(error.code);
      expect(error.message).not.toMatch(MATHJS_WORDING);
    }
    expect(failure('x +').message).toBe(
      'I could not read `x +`: it ends too early: something is missing at the end.',
    );
  });

  it('THEN LaTeX the reader does not know is named', () => {
    expect(failure('\\foo x').message).toBe("I don't know the LaTeX command `\\foo`.");
    expect(failure('\\partial x').message).toMatch(/write only the gradient/);
    expect(failure('w_1 x_1 + \\dots').code).toBe('syntax');
    expect(failure('\\sum_{i+1} x').code).toBe('syntax');
    expect(failure('Σ_i').code).toBe('syntax');
    expect(failure('Σ w_i x_j').message).toMatch(/which index/);
  });

  it('THEN an answer beyond the length limits is refused with its length', () => {
    const long = 'x+'.repeat(300) + 'x';
    expect(failure(long).message).toBe(
      `This answer is too long (${long.length} characters; the limit is 500).`,
    );
    expect(failure('x'.repeat(5000)).code).toBe('too_long');
  });
});
