import { Readable } from 'node:stream';
import { stringify as stringifyStream } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage return
 * first) gets a leading apostrophe, so an exported file cannot execute what someone typed
 * (OWASP "CSV injection"). Numbers are written as numbers.
 */
export function neutraliseFormula(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 with CRLF and a header, UTF-8 with BOM so spreadsheets read accents. */
function csvOptions(columns: string[]) {
  return { header: true, columns, record_delimiter: '\r\n', bom: true };
}

/** A row's cells in the order of `columns`, formulas neutralised. */
function safeRecord<T extends Record<string, unknown>>(row: T, columns: (keyof T & string)[]) {
  return columns.map((column) => neutraliseFormula(row[column]));
}

/** Headers of a CSV download named `filename`. */
function asCsvDownload(reply: FastifyReply, filename: string) {
  return reply
    .header('content-disposition', `attachment; filename="${filename}"`)
    .type('text/csv; charset=utf-8');
}

/** CSV text of the rows. */
export function toSafeCsv<T extends Record<string, unknown>>(
  rows: T[],
  columns: (keyof T & string)[],
): string {
  return stringify(
    rows.map((row) => safeRecord(row, columns)),
    csvOptions(columns),
  );
}

/** Answers with the rows as a CSV download named `filename`. */
export function sendCsv<T extends Record<string, unknown>>(
  reply: FastifyReply,
  filename: string,
  rows: T[],
  columns: (keyof T & string)[],
) {
  return asCsvDownload(reply, filename).send(toSafeCsv(rows, columns));
}

/**
 * Answers with `rows` as a CSV download, written as they are read: an export of any size
 * holds one batch in memory, never the whole file. Same format as {@link toSafeCsv}.
 */
export function sendCsvStream<T extends Record<string, unknown>>(
  reply: FastifyReply,
  filename: string,
  rows: AsyncIterable<T>,
  columns: (keyof T & string)[],
) {
  async function* records() {
    for await (const row of rows) yield safeRecord(row, columns);
  }
  return asCsvDownload(reply, filename).send(
    Readable.from(records()).pipe(stringifyStream(csvOptions(columns))),
  );
}
