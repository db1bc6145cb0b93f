/**
 * The csv-parse options every import reads files with, and that the templates are tested
 * against (plus `delimiter` from `detectDelimiter`, and `columns` from `checkHeader`):
 * - `bom`: a UTF-8 byte-order mark (Excel's "CSV UTF-8") is dropped, also before a comment;
 * - `comment: '#'` with `comment_no_infix: true`: a line starting with `#` is a comment (the
 *   templates' field rules), but a `#` inside a value (`Room #3`) is kept;
 * - `skip_empty_lines`, `skip_records_with_empty_values`: blank lines and rows of empty cells
 *   that spreadsheets leave at the end are no rows.
 * Plain data, so the domain depends on no CSV library.
 */
export const CSV_PARSE_OPTIONS = {
  bom: true,
  comment: '#',
  comment_no_infix: true,
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
} as const;

/** The separators a file may use: `,`, or `;` as spreadsheets in French locales write. */
export type CsvDelimiter = ',' | ';';

/**
 * The separator of a file, from its beginning: the first line that is neither blank nor a
 * comment is the header, whose names hold neither separator, so whichever it holds more of
 * (outside quotes) is the one. A header of one column holds none: `,`.
 */
export function detectDelimiter(start: string): CsvDelimiter {
  const lines = start.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header = lines.find((line) => line.trim() !== '' && !line.startsWith('#')) ?? '';
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}
