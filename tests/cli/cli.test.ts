import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run.ts';
import { memoryIo } from '../helpers/memoryIo.ts';

const BROKEN = fileURLToPath(new URL('../fixtures/broken/', import.meta.url));
const PRACTICE_DECK = fileURLToPath(new URL('../fixtures/practice-deck/', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/gradquiz.mjs', import.meta.url));

async function cli(args: string[], stdin = '') {
  const m = memoryIo(stdin);
  const code = await runCli(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('GIVEN gradquiz grade', () => {
  it('THEN --json prints one verdict object and exits 0, whatever the verdict', async () => {
    for (const [answer, verdict] of [
      ['(y - yhat) * x', 'correct'],
      ['(y - yhat)', 'incorrect'],
      ['(y - yhat', 'invalid'],
    ] as const) {
      const r = await cli(['grade', 'ssu_batch6_005', '1', '--json', '--seed', '4', answer]);
      expect(r.code).toBe(0);
      const v = JSON.parse(r.stdout) as { verdict: string; feedback: string };
      expect(v.verdict).toBe(verdict);
      expect(v.feedback.length).toBeGreaterThan(10);
    }
  });

  it('THEN -- lets an answer begin with -', async () => {
    const r = await cli(['grade', 'ssu_batch6_005', '1', '--json', '--', '-(yhat - y) x']);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'correct', normalized: '-(yhat - y) * x' });
  });

  it('THEN an unknown card or part is a clear message on stderr and exit 2', async () => {
    const card = await cli(['grade', 'nope', '1', 'x']);
    expect(card.code).toBe(2);
    expect(card.stderr).toMatch(/unknown card "nope"/);
    const part = await cli(['grade', 'ssu_batch6_005', '7', 'x']);
    expect(part.code).toBe(2);
    expect(part.stderr).toMatch(/no part "7".*1, 2/);
  });

  it('THEN without --json the output is for people', async () => {
    const r = await cli(['grade', 'ssu_batch6_005', '1', '(ŷ - y)x']);
    expect(r.stdout).toMatch(/✅ correct: Correct, with the other sign convention/);
    expect(r.stdout).toMatch(/read as: \(yhat - y\) \* x/);
  });
});

describe('GIVEN gradquiz grade on a self-graded card', () => {
  it('THEN a single command says so on stderr and exits 2', async () => {
    const r = await cli(['grade', 'concept_vanishing_gradients', '1', '--seeds', PRACTICE_DECK, 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/card "concept_vanishing_gradients" is self-graded/);
  });

  it('THEN --batch answers that line with an error and goes on', async () => {
    const input = [
      JSON.stringify({ card: 'derivation_wrong_block', answer: '(y - dot(w, x)) * x' }),
      JSON.stringify({ card: 'concept_vanishing_gradients', part: '1', answer: 'x' }),
    ].join('\n');
    const r = await cli(['grade', '--batch', '-', '--json', '--seeds', PRACTICE_DECK], input);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { error?: string });
    expect(lines).toHaveLength(2);
    // A written block that is wrong makes the card a flashcard, and says why.
    expect(lines[0]?.error).toMatch(
      /self-graded .*its check block is wrong \(check\.answer: part 1: the answer is the negation/,
    );
    expect(lines[1]?.error).toMatch(/"concept_vanishing_gradients" is self-graded/);
  });
});

describe('GIVEN gradquiz grade --batch', () => {
  it('THEN it writes exactly one line per non-blank input line, in order, with per-line errors', async () => {
    const input = [
      JSON.stringify({ card: 'ssu_batch6_005', part: '1', answer: '(y-yhat)x' }),
      '',
      'not json',
      JSON.stringify({ card: 'nope', part: '1', answer: 'x' }),
      JSON.stringify({ card: 'ssu_batch6_005', part: 2, answer: '(y - sigma(s)) x' }),
      JSON.stringify({ card: 'ssu_batch6_005', answer: 'x' }),
      JSON.stringify({ card: 'sml_poisson_regression_log_likelihood', answer: '(y - exp(s)) * x' }),
      JSON.stringify({ card: 'ssu_batch6_005', part: '1', answer: 'zeros(1e5, 1e5)' }),
      '   ',
    ].join('\n');
    const r = await cli(['grade', '--batch', '-', '--json', '--seed', '2'], input);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({ verdict: 'correct' });
    expect(lines[1]).toEqual({ error: 'not valid JSON' });
    expect(lines[2]?.error).toMatch(/unknown card/);
    expect(lines[3]).toMatchObject({ verdict: 'not_simplified' });
    expect(lines[4]?.error).toMatch(/has parts 1, 2/);
    expect(lines[5]).toMatchObject({ verdict: 'correct' });
    expect(lines[6]).toMatchObject({ verdict: 'invalid' });
  });

  it('THEN the same seed gives the same verdicts', async () => {
    const input = JSON.stringify({ card: 'ssu_batch6_005', part: '1', answer: '(y - yhat) * x * 1.001' });
    const a = await cli(['grade', '--batch', '-', '--json', '--seed', '9'], input);
    const b = await cli(['grade', '--batch', '-', '--json', '--seed', '9'], input);
    expect(a.stdout).toBe(b.stdout);
  });

  it('THEN the real bin survives hostile input in one process and answers every line', () => {
    const hostile = [
      'zeros(1e5,1e5)',
      'range(1,1e9)',
      'ones(10000,10000)',
      'ones(2000,2000)*ones(2000,2000)',
      'f(x)=f(x); f(1)',
      '('.repeat(10000) + ')'.repeat(10000),
      '1+'.repeat(25000) + '1',
      'import({}, {override: true})',
      'evaluate("1+1")',
      '10^10^10^10 * x',
      'x.^1e308',
    ];
    const input = hostile
      .map((answer) => JSON.stringify({ card: 'ssu_batch6_005', part: '1', answer }))
      .join('\n');
    const start = Date.now();
    const result = spawnSync(process.execPath, [BIN, 'grade', '--batch', '-', '--json', '--seed', '1'], {
      input,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { verdict: string });
    expect(lines).toHaveLength(hostile.length);
    // Every hostile input is refused or graded wrong; none takes the process down or hangs it.
    for (const line of lines) expect(['invalid', 'incorrect']).toContain(line.verdict);
    expect(Date.now() - start).toBeLessThan(30_000);
  });
});

describe('GIVEN gradquiz cards check', () => {
  it('THEN the shipped bank passes', async () => {
    const r = await cli(['cards', 'check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 broken/);
  });

  it('THEN broken cards are refused, each problem as FILE: FIELD: reason, all of them', async () => {
    const r = await cli(['cards', 'check', '--seeds', BROKEN]);
    expect(r.code).toBe(1);
    // A card whose TeX does not typeset still loads (warnings); the others cannot be read or prove wrong.
    expect(r.stdout).toMatch(/6 cards checked.*2 sound, 4 broken/);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^bad-answer\.md: check\.answer: part 1: the answer is the negation of/),
        expect.stringMatching(/^bad-answer\.md: check\.mistakes\[0\]\.answer: .*in fact correct/),
        expect.stringMatching(/^undefined-name\.md: check\.given\.s: .*`z`/),
        expect.stringMatching(/^bad-yaml\.md: front matter: the YAML cannot be read/),
        expect.stringMatching(/^bad-fields\.md: body: the "# Question" section is missing/),
        expect.stringMatching(/^warning: bad-fields\.md: difficulty: /),
        expect.stringMatching(/^bad-fields\.md: check\.mistakes\[0\]\.feedback: is required/),
        expect.stringMatching(
          /^warning: bad-tex\.md: body\.question: TeX does not typeset: Undefined control sequence \\foo/,
        ),
      ]),
    );
    expect(r.stderr).not.toMatch(/^good\.md/m);
  });
});

describe('GIVEN gradquiz cards list --json', () => {
  it('THEN every card has id, type, grading mode, check source, course, tags, difficulty, parts and file', async () => {
    const r = await cli(['cards', 'list', '--json']);
    const cards = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(cards.length).toBeGreaterThanOrEqual(12);
    expect(cards.find((c) => c.id === 'ssu_batch6_005')).toEqual({
      id: 'ssu_batch6_005',
      course: 'Statistical Machine Learning',
      tags: [
        'neural-networks',
        'logistic-regression',
        'backpropagation',
        'binary-cross-entropy',
        'gradient-descent',
      ],
      difficulty: 4,
      type: 'derivation',
      grading: 'numeric',
      check: 'written',
      parts: ['1', '2'],
      file: '000_aa23e2add4713a5a.txt',
    });
  });

  it('THEN a refused file is listed with its problems, and a card with a wrong block is self-graded', async () => {
    const r = await cli(['cards', 'list', '--json', '--seeds', BROKEN]);
    const entries = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(entries.map((e) => e.file)).toEqual([
      'bad-answer.md',
      'bad-fields.md',
      'bad-tex.md',
      'bad-yaml.md',
      'good.md',
      'undefined-name.md',
    ]);
    expect(entries.find((e) => e.file === 'bad-yaml.md')).toEqual({
      file: 'bad-yaml.md',
      broken: true,
      problems: [expect.stringMatching(/^front matter: the YAML cannot be read/)],
    });
    expect(entries.find((e) => e.file === 'bad-fields.md')).toMatchObject({
      id: 'broken_fields',
      broken: true,
    });
    expect(entries.find((e) => e.file === 'bad-answer.md')).toMatchObject({
      id: 'broken_answer',
      grading: 'self',
      check: 'written',
      parts: ['1'],
    });
    expect(entries.find((e) => e.file === 'good.md')).toMatchObject({ grading: 'numeric', check: 'written' });
  });
});
