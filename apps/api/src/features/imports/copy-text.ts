const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPED = /[\\\t\n\r]/g;

/**
 * One value in PostgreSQL's COPY text format: `\N` for null, and backslash, tab, newline and
 * carriage return escaped, so any text (JSON included) survives the trip.
 */
export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  // Most values have nothing to escape: testing is much cheaper than replacing, and imports
  // write a few values per row for up to a million rows.
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(ESCAPED, (char) =>
    char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r',
  );
}

/** One row (line) in COPY text format. */
export function copyLine(values: readonly (string | number | boolean | null | undefined)[]) {
  return `${values.map(copyValue).join('\t')}\n`;
}
