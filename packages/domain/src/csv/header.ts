import type { CsvColumn } from './column.js';
import type { CsvFormat } from './format.js';
import { UNIT_CODE_COLUMN } from './module-formats.js';

/** How a file of module data is imported; other targets ignore these options. */
export interface CsvReadOptions {
  /**
   * The file carries the rows of all units (the back office's import of a sub-module): the
   * `unitCode` column is required. Inside a unit it is optional and the importer ignores it.
   */
  allUnits?: boolean;
}

/**
 * A header cell as compared with column names: without a UTF-8 byte-order mark (when the
 * reader left it on the first cell), surrounding spaces or case.
 */
export function normaliseHeaderCell(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

const columnIndexes = new WeakMap<CsvFormat, ReadonlyMap<string, CsvColumn>>();

/** A format's columns by normalised name, built once per format. */
export function columnsByHeader(format: CsvFormat): ReadonlyMap<string, CsvColumn> {
  let index = columnIndexes.get(format);
  if (!index) {
    index = new Map(format.columns.map((column) => [normaliseHeaderCell(column.name), column]));
    columnIndexes.set(format, index);
  }
  return index;
}

/** Whether a row of this format, read with these options, must give the column. */
export function isRequired(format: CsvFormat, column: CsvColumn, options: CsvReadOptions = {}) {
  return (
    column.required ||
    (options.allUnits === true &&
      format.target === 'module-data' &&
      column.name === UNIT_CODE_COLUMN)
  );
}

export interface HeaderCheck {
  ok: boolean;
  /**
   * The column each header cell names, in the format's spelling; undefined for a blank or
   * unknown cell. Fit for csv-parse's `columns` option, which skips undefined columns.
   */
  columns: (string | undefined)[];
  /** Required columns the header lacks. */
  missing: string[];
  /** Header cells that name no column, as written. */
  unknown: string[];
  /** Columns named more than once. */
  duplicate: string[];
  /** Why the file is refused, in one message for the job; absent when ok. */
  message?: string;
}

const list = (names: readonly string[]) => names.join(', ');

function headerMessage(format: CsvFormat, check: Omit<HeaderCheck, 'ok' | 'message'>) {
  const problems: string[] = [];
  if (check.missing.length) problems.push(`missing required column(s) ${list(check.missing)}`);
  if (check.unknown.length) {
    problems.push(`unknown column(s) ${list(check.unknown.map((cell) => `"${cell}"`))}`);
  }
  if (check.duplicate.length) problems.push(`column(s) given twice: ${list(check.duplicate)}`);
  const expected = list(format.columns.map((column) => column.name));
  return `The header does not fit the CSV format "${format.name}": ${problems.join('; ')}. Its columns are ${expected} (see its template).`;
}

/**
 * Checks a file's header (its first line that is not a comment) against a format, so that a
 * file with the wrong columns fails as a whole with one message rather than row by row.
 * Cells match column names ignoring case, surrounding spaces and a byte-order mark; blank
 * cells (trailing separators of spreadsheet exports) are ignored.
 */
export function checkHeader(
  format: CsvFormat,
  header: readonly string[],
  options: CsvReadOptions = {},
): HeaderCheck {
  const byHeader = columnsByHeader(format);
  const seen = new Set<string>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  const columns = header.map((cell) => {
    const normalised = normaliseHeaderCell(cell);
    if (normalised === '') return undefined;
    const column = byHeader.get(normalised);
    if (!column) {
      unknown.push(cell.replace(/^\uFEFF/, '').trim());
      return undefined;
    }
    if (seen.has(column.name)) duplicate.push(column.name);
    seen.add(column.name);
    return column.name;
  });
  const missing = format.columns
    .filter((column) => isRequired(format, column, options) && !seen.has(column.name))
    .map((column) => column.name);
  const result = { columns, missing, unknown, duplicate };
  if (header.every((cell) => normaliseHeaderCell(cell) === '')) {
    return { ok: false, ...result, message: 'The file has no header line.' };
  }
  if (!missing.length && !unknown.length && !duplicate.length) return { ok: true, ...result };
  return { ok: false, ...result, message: headerMessage(format, result) };
}
