import { describe, expect, it } from 'vitest';
import { renderCommand, type RenderArgs, type RenderDeps } from '../../src/adapters/cli/renderCommand.ts';
import type { Renderer } from '../../src/adapters/render/index.ts';

const png = { png: Buffer.from('PNG'), width: 1200, height: 700 };

function fakes(overrides: Partial<Renderer> = {}) {
  const calls: string[] = [];
  const written: { path: string; data: Buffer }[] = [];
  const renderer: Renderer = {
    renderCardPng: async (markdown, { theme }) => (
      calls.push(`card:${theme}:${markdown}`),
      { ok: true, value: png }
    ),
    renderTexPng: async (tex, { theme }) => (calls.push(`tex:${theme}:${tex}`), { ok: true, value: png }),
    renderChartPng: async (chart, { theme }) => (
      calls.push(`chart:${theme}:${chart.title}`),
      { ok: true, value: png }
    ),
    checkTex: () => undefined,
    checkMarkdownMath: () => [],
    ...overrides,
  };
  const deps: RenderDeps = {
    findCardBody: (id) =>
      id === 'c1' ? { question: 'Q $x$', solution: 'S' } : id === 'c2' ? { question: 'Q2' } : undefined,
    answerToTex: (_card, answer) =>
      answer === '((' ? { ok: false, message: 'unbalanced' } : { ok: true, tex: `\\hat{${answer}}` },
    renderer,
    writeFile: async (path, data) => {
      written.push({ path, data });
    },
  };
  return { deps, calls, written };
}

const args = (over: Partial<RenderArgs>): RenderArgs => ({
  solution: false,
  theme: 'dark',
  out: 'out.png',
  ...over,
});

describe('renderCommand', () => {
  it('GIVEN a card id THEN its question is written to the file', async () => {
    const { deps, calls, written } = fakes();
    const result = await renderCommand(args({ cardId: 'c1' }), deps);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain('out.png');
    expect(calls).toEqual(['card:dark:Q $x$']);
    expect(written).toEqual([{ path: 'out.png', data: png.png }]);
  });

  it('GIVEN --solution --theme light THEN the solution in the light theme', async () => {
    const { deps, calls } = fakes();
    expect((await renderCommand(args({ cardId: 'c1', solution: true, theme: 'light' }), deps)).exitCode).toBe(
      0,
    );
    expect(calls).toEqual(['card:light:S']);
  });

  it('GIVEN --answer --card THEN the answer as the reader typeset it', async () => {
    const { deps, calls } = fakes();
    const result = await renderCommand(args({ cardId: 'c1', answer: 'y' }), deps);
    expect(result.exitCode).toBe(0);
    expect(calls).toEqual(['tex:dark:\\hat{y}']);
  });

  it('GIVEN an unknown card, a card without solution or an unreadable answer THEN exit 1 with a message', async () => {
    const { deps, written } = fakes();
    expect(await renderCommand(args({ cardId: 'nope' }), deps)).toMatchObject({
      exitCode: 1,
      stderr: expect.stringContaining('nope'),
    });
    expect(await renderCommand(args({ cardId: 'c2', solution: true }), deps)).toMatchObject({ exitCode: 1 });
    expect(await renderCommand(args({ cardId: 'c1', answer: '((' }), deps)).toMatchObject({
      exitCode: 1,
      stderr: expect.stringContaining('unbalanced'),
    });
    expect(written).toEqual([]);
  });

  it('GIVEN no -o or no card THEN exit 2 with the usage', async () => {
    const { deps } = fakes();
    expect(await renderCommand(args({ cardId: 'c1', out: '' }), deps)).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('usage'),
    });
    expect(await renderCommand(args({ answer: 'y' }), deps)).toMatchObject({ exitCode: 2 });
  });

  it('GIVEN bad TeX in the card THEN exit 1 naming the formula, and no file', async () => {
    const { deps, written } = fakes({
      renderCardPng: async () => ({
        ok: false,
        error: { code: 'bad_tex', message: 'Undefined control sequence \\foo', tex: '\\foo' },
      }),
    });
    const result = await renderCommand(args({ cardId: 'c1' }), deps);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Undefined control sequence \\foo in: \\foo');
    expect(written).toEqual([]);
  });
});
