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

/** CSV text (RFC 4180, CRLF, UTF-8 with BOM so spreadsheets read accents) of the rows. */
export function toSafeCsv<T extends Record<string, unknown>>(
  rows: T[],
  columns: (keyof T & string)[],
): string {
  const body = stringify(
    rows.map((row) => columns.map((column) => neutraliseFormula(row[column]))),
    { header: true, columns, record_delimiter: '\r\n' },
  );
  return `\uFEFF${body}`;
}

/** Answers with the rows as a CSV download named `filename`. */
export function sendCsv<T extends Record<string, unknown>>(
  reply: FastifyReply,
  filename: string,
  rows: T[],
  columns: (keyof T & string)[],
) {
  return reply
    .header('content-disposition', `attachment; filename="${filename}"`)
    .type('text/csv; charset=utf-8')
    .send(toSafeCsv(rows, columns));
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
  async function* cells() {
    for await (const row of rows) yield columns.map((column) => neutraliseFormula(row[column]));
  }
  const csv = stringifyStream({ header: true, columns, record_delimiter: '\r\n', bom: true });
  return reply
    .header('content-disposition', `attachment; filename="${filename}"`)
    .type('text/csv; charset=utf-8')
    .send(Readable.from(cells()).pipe(csv));
}
