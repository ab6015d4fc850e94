import { printExpr } from '../../../core/expr/print.ts';
import { stepsOf } from '../../../core/steps/steps.ts';
import type { SeedBank } from '../../seeds/loadSeeds.ts';
import { lookup } from '../grader.ts';
import type { CliIo } from '../io.ts';

/** `gradquiz steps <card-id> [part] [--json]`: the links of each part's derivation, with their forms. */
export function stepsCommand(
  bank: SeedBank,
  cardId: string,
  label: string | undefined,
  json: boolean,
  io: CliIo,
): number {
  const found = lookup(bank, cardId, label ?? '1');
  if (!found.ok) {
    io.err(`gradquiz: ${found.message}\n`);
    return 2;
  }
  const parts = label === undefined ? found.card.parts : [found.part];
  const rows = parts.map((part) => ({
    part: part.label,
    steps: stepsOf(found.card, part).map((s) => ({
      step: s.key,
      title: s.title,
      ...(s.form !== undefined ? { form: printExpr(s.form) } : {}),
    })),
  }));
  if (json) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  for (const row of rows) {
    io.out(`${found.card.id}, part ${row.part}:\n`);
    if (row.steps.length === 0)
      io.out('  (no intermediate steps: the loss is written directly in the variable)\n');
    row.steps.forEach((s, i) =>
      io.out(
        `  ${i + 1}. ${s.title.padEnd(10)} = ${s.form ?? '(piecewise: graded numerically, no closed form shown)'}\n`,
      ),
    );
  }
  return 0;
}
