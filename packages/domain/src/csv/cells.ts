import type { CsvCellValue, CsvColumn } from './column.js';

/** A cell's text converted to its column's type, or why it is not one. */
export type CellConversion = { ok: true; value: CsvCellValue } | { ok: false; reason: string };

/** Turns the text of a non-empty cell into its column's type; built once per column. */
export type CellConverter = (text: string) => CellConversion;

/**
 * A decimal number as spreadsheets write it: a point or, in French locales, a comma before
 * the decimals, an optional exponent (`1E+06`). No thousands separators: in `1,234` the comma
 * is a decimal comma. `NaN` and `Infinity` do not match.
 */
const NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/** What spreadsheets and people write for yes and no, English and French, any case. */
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['1', true],
  ['0', false],
  ['oui', true],
  ['non', false],
  // French Excel writes TRUE and FALSE as VRAI and FAUX.
  ['vrai', true],
  ['faux', false],
]);

/** `1 234,5`, `1,234.5`, `1'234`: a number with thousands separators, which we refuse. */
const THOUSANDS = /^[+-]?\d{1,3}(?:[\s.,'\u00A0\u202F]\d{3})+(?:[.,]\d+)?$/;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const MAX_SHOWN = 40;

/** A cell's text as quoted in a reason, shortened: reasons go into one error-report cell. */
export function quoted(text: string): string {
  const short = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
  return `"${short}"`;
}

/** The number a cell's text writes, or undefined. */
export function parseNumberCell(text: string): number | undefined {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(',', '.'));
  // `1e999` matches the pattern but is Infinity.
  return Number.isFinite(value) ? value : undefined;
}

/** The yes/no a cell's text writes, or undefined. */
export function parseBooleanCell(text: string): boolean | undefined {
  return BOOLEANS.get(text.trim().toLowerCase());
}

function numberConverter(text: string): CellConversion {
  const value = parseNumberCell(text);
  if (value !== undefined) return { ok: true, value };
  const hint = THOUSANDS.test(text.trim()) ? ', written without thousands separators' : '';
  return { ok: false, reason: `must be a number${hint} (got ${quoted(text)})` };
}

function booleanConverter(text: string): CellConversion {
  const value = parseBooleanCell(text);
  if (value !== undefined) return { ok: true, value };
  return {
    ok: false,
    reason: `must be yes or no (or true/false, oui/non, 1/0; got ${quoted(text)})`,
  };
}

function dateConverter(text: string): CellConversion {
  const trimmed = text.trim();
  // The row schema checks the calendar (no 2025-02-30); this gives the spelling.
  if (ISO_DATE.test(trimmed)) return { ok: true, value: trimmed };
  return { ok: false, reason: `must be a date written YYYY-MM-DD (got ${quoted(text)})` };
}

/** Allowed values matched ignoring case, so `Economy` is `economy`. */
function enumConverter(values: readonly string[]): CellConverter {
  const byLowerCase = new Map(values.map((value) => [value.toLowerCase(), value]));
  return (text) => {
    const value = byLowerCase.get(text.trim().toLowerCase());
    if (value !== undefined) return { ok: true, value };
    return { ok: false, reason: `must be one of ${values.join(', ')} (got ${quoted(text)})` };
  };
}

/**
 * Text is kept as written but for surrounding spaces: `=SUM(A1)` stays that text, it is never
 * evaluated (the error report neutralises formulas when it writes cells back).
 */
function textConverter(text: string): CellConversion {
  return { ok: true, value: text.trim() };
}

/** The converter of a column's cells, chosen once per column. */
export function converterOf(column: CsvColumn): CellConverter {
  if (column.values) return enumConverter(column.values);
  switch (column.type) {
    case 'number':
    case 'integer':
      // The row schema says "whole number" for 1.5, with the column's bounds.
      return numberConverter;
    case 'boolean':
      return booleanConverter;
    case 'date':
      return dateConverter;
    case 'text':
      return textConverter;
  }
}

/**
 * The cell text of a typed value, as the template writer and exports write it: numbers with a
 * decimal point and every digit needed to read the same number back, yes/no for booleans.
 */
export function cellText(value: CsvCellValue | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
