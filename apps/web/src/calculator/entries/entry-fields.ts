// The form fields of a sub-module, read from the same Zod schema the API and the CSV importer
// validate with (packages/domain), so the form accepts exactly what the server accepts.
import {
  columnsOf,
  type CsvColumn,
  dateFieldsOf,
  dateOutsideYear,
  entryTypeOf,
  type SubModuleId,
} from '@co2-calculator/domain';

export type FieldValue = string | number | boolean | null;
export type FieldValues = Record<string, FieldValue>;

export function fieldsOf(subModule: SubModuleId): CsvColumn[] {
  const type = entryTypeOf(subModule);
  return type ? columnsOf(type.fields) : [];
}

/** A new row's values: each field's default, else empty. */
export function emptyValues(columns: readonly CsvColumn[]): FieldValues {
  return Object.fromEntries(
    columns.map((column) => [
      column.name,
      column.default ?? (column.type === 'boolean' ? false : null),
    ]),
  );
}

/**
 * What the API receives: empty inputs left out (so defaults and optional fields apply) and
 * numbers as numbers (an emptied number input gives "").
 */
export function payloadOf(columns: readonly CsvColumn[], values: FieldValues): FieldValues {
  const payload: FieldValues = {};
  for (const column of columns) {
    const value = values[column.name];
    if (value === null || value === undefined || value === '') continue;
    const numeric = column.type === 'number' || column.type === 'integer';
    payload[column.name] = numeric && typeof value === 'string' ? Number(value) : value;
  }
  return payload;
}

/**
 * Validates the values with the entry type's schema, and their dates against the reporting
 * year, as the API does: field name → first message.
 */
export function fieldIssues(
  subModule: SubModuleId,
  payload: FieldValues,
  year: number,
): Map<string, string> {
  const type = entryTypeOf(subModule);
  const issues = new Map<string, string>();
  if (!type) return issues;
  const result = type.fields.safeParse(payload);
  if (result.success) {
    const fields = result.data as Record<string, unknown>;
    const outside = dateOutsideYear(fields, dateFieldsOf(subModule), year);
    if (outside) issues.set(outside.field, outside.message);
    return issues;
  }
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '');
    if (!issues.has(name)) issues.set(name, issue.message);
  }
  return issues;
}
