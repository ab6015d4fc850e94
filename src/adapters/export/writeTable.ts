import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { stringify } from 'csv-stringify';

export type ExportFormat = 'csv' | 'jsonl';

/** A value in an exported table: text, a number, a time (written in ISO 8601) or nothing. */
type Cell = string | number | Date | null;

/** What a spreadsheet reads as the start of a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV cell a spreadsheet shows as text: a leading formula character is escaped with `'`. */
function csvCell(value: Cell): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const jsonCell = (value: Cell) => (value instanceof Date ? value.toISOString() : value);

function jsonLines(columns: readonly string[]): Transform {
  return new Transform({
    writableObjectMode: true,
    transform(row: Record<string, Cell>, _encoding, done) {
      const line = Object.fromEntries(columns.map((column) => [column, jsonCell(row[column] ?? null)]));
      done(null, `${JSON.stringify(line)}\n`);
    },
  });
}

/** Rows as arrays of safe CSV cells, in the columns' order. */
function csvCells(columns: readonly string[]): Transform {
  return new Transform({
    objectMode: true,
    transform(row: Record<string, Cell>, _encoding, done) {
      done(
        null,
        columns.map((column) => csvCell(row[column] ?? null)),
      );
    },
  });
}

/**
 * Writes rows to `out` as CSV (a header line, then one line per row) or JSON Lines, streaming with
 * back-pressure: memory stays flat however many rows come. CSV cells are made safe for spreadsheets
 * ({@link csvCell}); JSON Lines keep every value as it is. `out` is left open (it may be stdout).
 */
export async function writeTable<Row extends object>(
  rows: AsyncIterable<Row>,
  columns: readonly (keyof Row & string)[],
  format: ExportFormat,
  out: Writable,
): Promise<void> {
  const source = Readable.from(rows, { objectMode: true });
  if (format === 'jsonl') {
    await pipeline(source, jsonLines(columns), out, { end: false });
    return;
  }
  // RFC 4180: CRLF line ends; a cell with a quote, a comma or a line break is quoted, its quotes doubled.
  const csv = stringify({ header: true, columns: [...columns], record_delimiter: 'windows' });
  await pipeline(source, csvCells(columns), csv, out, { end: false });
}
