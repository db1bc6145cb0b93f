import { cellText } from './cells.js';
import { columnRuleLine } from './column-rule.js';
import type { CsvCells, CsvFormat } from './format.js';
import { CSV_LINE_BREAK, csvRecord, UTF8_BOM } from './write.js';

/** How every file is read, said once at the top of each template. */
const READING_RULES = [
  'Read as UTF-8 (with or without BOM); separator , or ; (the header line decides).',
  'Numbers: decimal point or comma, no thousands separators. Yes/no: yes, no, true, false, oui, non, 1, 0. Dates: YYYY-MM-DD.',
  'An empty cell is no value. Lines starting with # are comments; header names ignore case.',
];

/** The record of a row's typed cells, in column order. */
export function csvRowOf(format: CsvFormat, cells: Readonly<CsvCells>): string {
  return csvRecord(format.columns.map((column) => cellText(cells[column.name])));
}

/**
 * The downloadable template of a format: `#` comment lines with how files are read and one
 * rule per column, then the header and the example row; CRLF line breaks, and a byte-order
 * mark so that Excel opens it as UTF-8. The importer parses with csv-parse's
 * `comment: '#'` and `comment_no_infix: true` (CSV_PARSE_OPTIONS): only a line *starting* with
 * `#` is a comment, so `Room #3` in a cell is kept, and the writer quotes a cell that starts
 * with `#`. A byte-order mark before the first comment needs `bom: true`, also set there.
 */
export function templateCsv(format: CsvFormat): string {
  const lines = [
    `# CO₂ Calculator CSV template "${format.name}": ${format.title}.`,
    ...READING_RULES.map((rule) => `# ${rule}`),
    '# Columns:',
    ...format.columns.map((column) => `# ${columnRuleLine(column)}`),
    csvRecord(format.columns.map((column) => column.name)),
    csvRowOf(format, format.example),
  ];
  return `${UTF8_BOM}${lines.join(CSV_LINE_BREAK)}${CSV_LINE_BREAK}`;
}
