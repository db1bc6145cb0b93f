/**
 * Quotes a field when RFC 4180 needs it (a comma, a quote, a line break) and also when a
 * reader could misread it otherwise: a `;` (files may be `;`-separated), leading or trailing
 * spaces (trimmed by spreadsheets), and a leading `#`, which the importer would take for a
 * comment line when the field starts a record. Quotes inside are doubled.
 */
export function csvField(text: string): string {
  return /[",;\r\n]|^[\s#]|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record: the fields quoted as needed, separated by commas, without the line break. */
export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/** Line break of every file we write: CRLF, as RFC 4180 and spreadsheets expect. */
export const CSV_LINE_BREAK = '\r\n';

/** Byte-order mark opening the files we write, so that Excel reads them as UTF-8. */
export const UTF8_BOM = '\uFEFF';
