/**
 * One value in PostgreSQL's COPY text format: `\N` for null, and backslash, tab, newline and
 * carriage return escaped, so any text (JSON included) survives the trip.
 */
export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (char) =>
    char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r',
  );
}

/** One row (line) in COPY text format. */
export function copyLine(values: readonly (string | number | boolean | null | undefined)[]) {
  return `${values.map(copyValue).join('\t')}\n`;
}
