import type { CsvCellValue, CsvColumn } from './column.js';

const TYPE_WORDS = {
  text: 'text',
  number: 'number',
  integer: 'whole number',
  boolean: 'yes or no',
  date: 'date YYYY-MM-DD',
} as const;

function bounds(column: CsvColumn): string[] {
  const { minimum, exclusiveMinimum, maximum, exclusiveMaximum } = column;
  if (minimum !== undefined && maximum !== undefined) return [`from ${minimum} to ${maximum}`];
  const parts: string[] = [];
  if (minimum !== undefined) parts.push(`at least ${minimum}`);
  if (exclusiveMinimum !== undefined) parts.push(`above ${exclusiveMinimum}`);
  if (maximum !== undefined) parts.push(`at most ${maximum}`);
  if (exclusiveMaximum !== undefined) parts.push(`below ${exclusiveMaximum}`);
  return parts;
}

function lengths(column: CsvColumn): string[] {
  const parts: string[] = [];
  // At least one character is what "required" already says.
  if (column.minLength !== undefined && column.minLength > 1) {
    parts.push(`at least ${column.minLength} characters`);
  }
  if (column.maxLength !== undefined) parts.push(`up to ${column.maxLength} characters`);
  return parts;
}

function shown(value: CsvCellValue): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/**
 * A column's rule in words, as the template's comment lines and docs/csv-formats.md show it:
 * `required number, from 0 to 1` or `optional one of economy, business, default economy`.
 */
export function columnRule(column: CsvColumn): string {
  const kind = column.values ? `one of ${column.values.join(', ')}` : TYPE_WORDS[column.type];
  const parts = [
    `${column.required ? 'required' : 'optional'} ${kind}`,
    ...bounds(column),
    ...lengths(column),
  ];
  if (column.default !== undefined) parts.push(`default ${shown(column.default)}`);
  return parts.join(', ');
}

/** One line per column: `name: rule. Description` (no line breaks, for a `#` comment). */
export function columnRuleLine(column: CsvColumn): string {
  const description = column.description.replace(/\s+/g, ' ').trim();
  return `${column.name}: ${columnRule(column)}.${description ? ` ${description}` : ''}`;
}
