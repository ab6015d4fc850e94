import {
  exportAttempts,
  exportGrades,
  type AppContext,
  type AttemptExportRow,
  type ExportInput,
  type ExportResult,
  type GradeRow,
} from '../../../app/index.ts';
import { ATTEMPT_COLUMNS, GRADE_COLUMNS } from '../../export/exportColumns.ts';
import { anonymized } from '../../export/pseudonym.ts';
import { writeTable, type ExportFormat } from '../../export/writeTable.ts';
import type { CliIo } from '../io.ts';

export interface ExportOptions extends ExportInput {
  readonly what: 'attempts' | 'grades';
  readonly format: ExportFormat;
  /** The file to write; standard output when absent. */
  readonly file?: string;
  /** The HMAC key that replaces user ids and names; absent: users are named. */
  readonly anonymizeWith?: string;
}

/** `gradquiz export attempts|grades`: streamed to a file or standard output, as CSV or JSON Lines. */
export async function exportCommand(app: AppContext, options: ExportOptions, io: CliIo): Promise<number> {
  const { what, format, file, anonymizeWith, ...input } = options;
  const write = async <Row extends AttemptExportRow | GradeRow>(
    result: ExportResult<Row>,
    columns: readonly (keyof Row & string)[],
  ): Promise<number> => {
    if (result.kind === 'bad_date') {
      io.err(`gradquiz: --since ${result.since} is not a date (YYYY-MM-DD)\n`);
      return 2;
    }
    const sink = io.sink(file);
    try {
      await writeTable(anonymized(result.rows, anonymizeWith), columns, format, sink.stream);
    } finally {
      await sink.close();
    }
    return 0;
  };
  return what === 'attempts'
    ? write(await exportAttempts(app, input), ATTEMPT_COLUMNS)
    : write(await exportGrades(app, input), GRADE_COLUMNS);
}
