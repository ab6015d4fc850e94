import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../src/adapters/cli/run.ts';
import type { AppContext } from '../../src/app/index.ts';
import { openConsoleApp, pipeSession } from '../console/consoleHarness.ts';
import { memoryIo } from '../helpers/memoryIo.ts';

// The "done when": three students answer the first card in the practice mode, two of them with
// the same wrong answer written differently; `gradquiz stats --json` shows one wrong group of 2 by 2.
const CARD = 'ssu_batch6_005';

let app: AppContext;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, close } = await openConsoleApp());
});
afterAll(async () => {
  await close?.();
});

/** `GRADQUIZ_USER=<name> npm start`, as the practice mode names its user. */
const practice = (name: string, lines: readonly string[]) =>
  pipeSession(app, { id: `local:${name}`, displayName: name }, [`/quiz card:${CARD}`, ...lines, '/quit']);

describe('GIVEN three students on the first card in the practice mode', () => {
  it('THEN gradquiz stats --json shows their shared wrong answer as one group of 2 attempts by 2 users', async () => {
    await practice('a', ['(y-ŷ)ŷ(1-ŷ)x', '(y - \\hat y) x']);
    await practice('b', ['(y - yhat) * yhat * (1 - yhat) * x']);
    await practice('c', ['(y-ŷ)x']);

    const { io, stdout, stderr } = memoryIo();
    const code = await runCli(['stats', '--json', '--card', CARD], io, {
      openApp: async () => ({ app, close: async () => {} }),
    });
    expect(stderr()).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout()) as {
      parts: {
        card: string;
        part: string;
        attempts: number;
        users: number;
        solvedUsers: number;
        wrongGroups: unknown[];
      }[];
    };
    const part1 = report.parts.find((part) => part.card === CARD && part.part === '1');
    expect(part1).toMatchObject({ attempts: 4, users: 3, solvedUsers: 2 });
    expect(part1?.wrongGroups).toEqual([
      {
        example: '(y - yhat) * yhat * (1 - yhat) * x',
        count: 2,
        users: 2,
        mistake: expect.any(String),
        signature: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);
  });
});
