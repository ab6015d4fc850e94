import { writeFile } from 'node:fs/promises';
import { createRenderer, type Renderer } from '../render/createRenderer.ts';
import type { Png, RenderError, RenderResult } from '../render/renderError.ts';
import type { ThemeName } from '../render/themes.ts';

/** `gradquiz render <card-id> [--solution] …` or `gradquiz render --answer '<expr>' --card <card-id> …`, parsed. */
export interface RenderArgs {
  readonly cardId?: string;
  readonly answer?: string;
  readonly solution: boolean;
  readonly theme: ThemeName;
  readonly out: string;
}

export interface RenderDeps {
  findCardBody(id: string): { question: string; solution?: string } | undefined;
  /** The reader's typeset form of an answer, in the card's vocabulary. */
  answerToTex(cardId: string, answer: string): { ok: true; tex: string } | { ok: false; message: string };
  /** Defaults to a new renderer (MathJax start-up, ~0.3 s). */
  renderer?: Renderer;
  /** Defaults to `fs.writeFile`. */
  writeFile?(path: string, data: Buffer): Promise<void>;
}

export interface CommandOutput {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const USAGE =
  'usage: gradquiz render <card-id> [--solution] [--theme dark|light] -o FILE.png\n' +
  "       gradquiz render --answer '<expr>' --card <card-id> [--theme dark|light] -o FILE.png\n";

const fail = (exitCode: number, stderr: string): CommandOutput => ({ exitCode, stdout: '', stderr });

function describe(error: RenderError): string {
  return error.tex === undefined ? error.message : `${error.message} in: ${error.tex}`;
}

/** Renders a card's question or solution, or an answer read back, to a PNG file. */
export async function renderCommand(args: RenderArgs, deps: RenderDeps): Promise<CommandOutput> {
  if (!args.out) return fail(2, 'render: missing -o FILE.png\n' + USAGE);
  if (!args.cardId)
    return fail(2, 'render: missing card id' + (args.answer === undefined ? '' : ' (--card)') + '\n' + USAGE);
  const body = deps.findCardBody(args.cardId);
  if (!body) return fail(1, `render: no card with id "${args.cardId}"\n`);

  let what: string;
  let render: (renderer: Renderer) => Promise<RenderResult<Png>>;
  if (args.answer !== undefined) {
    const read = deps.answerToTex(args.cardId, args.answer);
    if (!read.ok) return fail(1, `render: cannot read the answer: ${read.message}\n`);
    what = `answer read as ${read.tex}`;
    render = (renderer) => renderer.renderTexPng(read.tex, { theme: args.theme });
  } else if (args.solution) {
    const solution = body.solution;
    if (solution === undefined) return fail(1, `render: card "${args.cardId}" has no solution\n`);
    what = `solution of ${args.cardId}`;
    render = (renderer) => renderer.renderCardPng(solution, { theme: args.theme });
  } else {
    what = `question of ${args.cardId}`;
    render = (renderer) => renderer.renderCardPng(body.question, { theme: args.theme });
  }

  const result = await render(deps.renderer ?? (await createRenderer()));
  if (!result.ok) return fail(1, `render: cannot render the ${what}: ${describe(result.error)}\n`);
  try {
    await (deps.writeFile ?? writeFile)(args.out, result.value.png);
  } catch (error) {
    return fail(
      1,
      `render: cannot write ${args.out}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  const { width, height } = result.value;
  return { exitCode: 0, stdout: `${args.out}: ${what} (${width}×${height} px, ${args.theme})\n`, stderr: '' };
}
